/* The C ABI of callcheck: for C, and for every language that calls C
 * (Python ctypes, C# DllImport, the WebAssembly build behind the npm package).
 *
 *   char *report = NULL;
 *   int status = callcheck_check(body, body_length, "outgoing-call.json",
 *                                "{\"api\":\"v1.0\",\"scopes\":[\"Calls.Initiate.All\"]}",
 *                                &report);
 *   if (status == CALLCHECK_FINDINGS) { ... do not send; report is the JSON document ... }
 *   callcheck_free(report);
 *
 * Pure C: no C++ type and no exception crosses this header. Every function
 * catches everything inside and reports failure through its return value.
 *
 * Thread safety: every function may be called from any number of threads at
 * once. There is no global state a caller can change; the schemas are
 * compiled once per process, on first use (the first call is the slowest).
 * A call needs about 256 KiB of thread stack.
 *
 * Ownership: strings returned through `char **` or as `char *` are allocated
 * by callcheck and owned by the caller, who releases each exactly once with
 * callcheck_free(). `const char *` results are static and must not be freed.
 * Input buffers are only read, never kept after the call returns.
 *
 * Text: the report, the options and the source name are UTF-8. The body is
 * bytes: it may hold NUL bytes and invalid UTF-8, which are findings
 * (CC005, CC003), never undefined behaviour.
 */
#ifndef CALLCHECK_CALLCHECK_C_H_
#define CALLCHECK_CALLCHECK_C_H_

#include <stddef.h> /* size_t */

#if defined(_WIN32) && defined(CALLCHECK_C_BUILDING)
#define CALLCHECK_C_API __declspec(dllexport)
#elif defined(_WIN32)
#define CALLCHECK_C_API __declspec(dllimport)
#elif defined(__GNUC__)
#define CALLCHECK_C_API __attribute__((visibility("default")))
#else
#define CALLCHECK_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Return values of callcheck_check(): the CLI's exit codes. */
enum {
  CALLCHECK_CLEAN = 0,    /* no finding at or above options.fail_on */
  CALLCHECK_FINDINGS = 1, /* findings at or above options.fail_on (invalid JSON is a finding too) */
  CALLCHECK_FAILURE = 2   /* could not check: bad arguments or options, out of memory */
};

/* Checks one request body.
 *
 * body, length:  the bytes of the body; `body` may be NULL only when `length` is 0.
 * source_name:   the name shown in the report ("path"); NULL or "" means "<body>".
 * options_json:  NULL, "" or a JSON object; every member is optional and an
 *                unknown member is an error (a typo never changes a run silently):
 *   "api":      "v1.0" (default) or "beta"
 *   "scopes":   ["Calls.Initiate.All", ...]  granted application permissions;
 *               absent or null: not compared (as without --scopes)
 *   "select":   ["CC2", "callback-uri-not-https", ...]  (as --select)
 *   "ignore":   [...]                                    (as --ignore)
 *   "rules":    {"CC201": "off" | "info" | "warning" | "error", ...}
 *   "preview":  true | false                             (as --preview)
 *   "request":  "POST https://graph.microsoft.com/v1.0/communications/calls"
 *               the request line, which enables the endpoint checks (CC501)
 *   "fail_on":  "error" (default) | "warning" | "info"   (as --fail-on)
 *   "limits":   {"max_bytes", "max_depth", "max_string", "max_key",
 *                "max_members", "max_elements"}: positive integers
 * report_json:   receives the report; must not be NULL. On CALLCHECK_CLEAN and
 *                CALLCHECK_FINDINGS it is the document that
 *                `callcheck check --format json --no-config` prints for this
 *                one body with the same options (schemas/callcheck/report.schema.json),
 *                newline included. On CALLCHECK_FAILURE it is
 *                {"error": "<one line>"}, or NULL when even that could not be
 *                allocated. Free it with callcheck_free().
 *
 * Returns CALLCHECK_CLEAN, CALLCHECK_FINDINGS or CALLCHECK_FAILURE.
 */
CALLCHECK_C_API int callcheck_check(const char *body, size_t length, const char *source_name, const char *options_json,
                                    char **report_json);

/* The rule catalogue as JSON: the document `callcheck rules --format json`
 * prints, each rule with its Markdown documentation added as "explanation".
 * NULL when out of memory. Free it with callcheck_free(). */
CALLCHECK_C_API char *callcheck_rules_json(void);

/* The library version, e.g. "0.1.0". Static: do not free. */
CALLCHECK_C_API const char *callcheck_version(void);

/* Releases a string returned by callcheck. NULL is allowed and does nothing. */
CALLCHECK_C_API void callcheck_free(char *text);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CALLCHECK_CALLCHECK_C_H_ */
