"""callcheck for Python: checks Microsoft Graph create-call request bodies
before they are sent, over the C ABI (include/callcheck/callcheck_c.h) with
ctypes. No compiler is needed at import time, only libcallcheck_c.so.

    import callcheck
    report = callcheck.check(body, api="v1.0", scopes=["Calls.Initiate.All"])
    if callcheck.has_errors(report):
        ...  # do not send

`check()` returns the document `callcheck check --format json` prints for
one file (schemas/callcheck/report.schema.json) as a dict. The library is
found at $CALLCHECK_LIBRARY, else beside this file, else on the loader path.
Calls release the GIL and may run from many threads at once.
"""

import ctypes
import ctypes.util
import glob
import json
import os

__all__ = ["check", "check_status", "has_errors", "rules", "version", "CallcheckError",
           "CLEAN", "FINDINGS", "FAILURE"]

CLEAN, FINDINGS, FAILURE = 0, 1, 2


class CallcheckError(Exception):
    """callcheck could not check the body (bad options, out of memory): exit code 2."""


def _find_library():
    explicit = os.environ.get("CALLCHECK_LIBRARY")
    if explicit:
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    beside = sorted(glob.glob(os.path.join(here, "libcallcheck_c.so*")) +
                    glob.glob(os.path.join(here, "libcallcheck_c*.dylib")) +
                    glob.glob(os.path.join(here, "callcheck_c.dll")))
    if beside:
        return beside[0]
    found = ctypes.util.find_library("callcheck_c")
    if found:
        return found
    raise ImportError("callcheck: libcallcheck_c not found (set CALLCHECK_LIBRARY, or run .ci/python)")


_lib = ctypes.CDLL(_find_library())
_lib.callcheck_check.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p,
                                 ctypes.POINTER(ctypes.c_void_p)]
_lib.callcheck_check.restype = ctypes.c_int
_lib.callcheck_rules_json.argtypes = []
_lib.callcheck_rules_json.restype = ctypes.c_void_p
_lib.callcheck_version.argtypes = []
_lib.callcheck_version.restype = ctypes.c_char_p
_lib.callcheck_free.argtypes = [ctypes.c_void_p]
_lib.callcheck_free.restype = None


def _take(pointer):
    """Copies a string callcheck allocated, then frees it (exactly once)."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8")
    finally:
        _lib.callcheck_free(pointer)


def _body_bytes(body):
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8", "surrogatepass")
    # An object: what a client would serialise and send.
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def check_status(body, *, source="<body>", api=None, scopes=None, select=None, ignore=None, rules=None,
                 preview=None, request=None, fail_on=None, limits=None):
    """Like check(), and also returns the status: (CLEAN | FINDINGS, report).

    CLEAN: no finding at or above `fail_on` ("error" by default)."""
    options = {}
    for name, value in (("api", api), ("scopes", scopes), ("select", select), ("ignore", ignore),
                        ("rules", rules), ("preview", preview), ("request", request),
                        ("fail_on", fail_on), ("limits", limits)):
        if value is not None:
            options[name] = list(value) if name in ("scopes", "select", "ignore") else value
    data = _body_bytes(body)
    out = ctypes.c_void_p()
    status = _lib.callcheck_check(data, len(data), source.encode("utf-8"),
                                  json.dumps(options).encode("utf-8"), ctypes.byref(out))
    text = _take(out.value)
    if status == FAILURE:
        message = json.loads(text)["error"] if text else "out of memory"
        raise CallcheckError(message)
    return status, json.loads(text)


def check(body, **options):
    """Checks one request body (str, bytes, or an object to serialise as JSON).

    Options: api ("v1.0" | "beta"), scopes (granted application permissions),
    select, ignore (rule codes, names or prefixes), rules ({code: level}),
    preview (bool), request (the request line, e.g. "POST https://graph.microsoft.com/v1.0/communications/calls"),
    fail_on, limits ({"max_bytes": ..., ...}), source (the name in the report).
    Returns the report document as a dict; raises CallcheckError for bad options."""
    return check_status(body, **options)[1]


def has_errors(report):
    """Whether any diagnostic in the report is an error."""
    return report["summary"]["errors"] > 0


def rules():
    """The rule catalogue: a list of dicts (code, name, severity, status, summary, explanation)."""
    text = _take(_lib.callcheck_rules_json())
    if text is None:
        raise MemoryError("callcheck: out of memory")
    return json.loads(text)["rules"]


def version():
    """The library version, e.g. "0.1.0"."""
    return _lib.callcheck_version().decode("ascii")


__version__ = version()
