"""The Python module over the C ABI. CALLCHECK_BINARY (the native CLI) is
required: the module must return what `callcheck check --format json` prints."""

import concurrent.futures
import json
import os
import pathlib
import subprocess

import pytest

import callcheck

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
CLI = os.environ.get("CALLCHECK_BINARY")


def sample(name):
    return (SAMPLES / name).read_bytes()


def cli_json(relative, *flags):
    assert CLI, "set CALLCHECK_BINARY to the native callcheck"
    run = subprocess.run([CLI, "check", "--format", "json", "--no-config", *flags, relative],
                         cwd=ROOT, capture_output=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    return run.returncode, json.loads(run.stdout)


def test_clean_body():
    report = callcheck.check(sample("valid/p2p-service-hosted.json"), source="p2p.json")
    assert report["version"] == 1
    [entry] = report["files"]
    assert entry["path"] == "p2p.json"
    assert entry["diagnostics"] == []
    assert entry["scenario"]["kind"] == "peer-to-peer"
    assert entry["scenario"]["media"] == "service-hosted"
    assert entry["required_scopes"] == ["Calls.Initiate.All"]
    assert not callcheck.has_errors(report)


def test_bad_body_is_located():
    body = '{\n  "callbackUri": "http://bot.contoso.com/callback"\n}'
    status, report = callcheck.check_status(body)
    assert status == callcheck.FINDINGS
    [finding] = [d for d in report["files"][0]["diagnostics"] if d["code"] == "CC202"]
    assert (finding["code"], finding["name"]) == ("CC202", "callback-uri-not-https")
    assert (finding["line"], finding["column"], finding["pointer"]) == (2, 18, "/callbackUri")
    assert callcheck.has_errors(report)


def test_scopes_are_compared():
    body = sample("valid/group-call-service-hosted.json")
    missing = callcheck.check(body, scopes=["Calls.Initiate.All"])
    assert [d["code"] for d in missing["files"][0]["diagnostics"]] == ["CC302"]
    granted = callcheck.check(body, scopes=missing["files"][0]["required_scopes"])
    assert granted["files"][0]["diagnostics"] == []


def test_object_bytes_and_nul():
    as_object = callcheck.check(json.loads(sample("valid/p2p-service-hosted.json")))
    assert as_object["files"][0]["diagnostics"] == []
    nul = callcheck.check(b'{"callbackUri": "https://a\x00b"}')
    assert "CC005" in [d["code"] for d in nul["files"][0]["diagnostics"]]
    broken = callcheck.check(b"\xff{")
    assert broken["files"][0]["diagnostics"][0]["code"] in ("CC001", "CC003")


def test_request_line_and_profile():
    body = sample("invalid/cc501-deprecated-endpoint.json")
    codes = [d["code"] for d in callcheck.check(
        body, request="POST https://graph.microsoft.com/beta/app/calls", api="beta")["files"][0]["diagnostics"]]
    assert "CC501" in codes


def test_bad_options_raise():
    with pytest.raises(callcheck.CallcheckError, match="`api` must be"):
        callcheck.check("{}", api="v2")
    with pytest.raises(callcheck.CallcheckError, match="did you mean"):
        callcheck.check("{}", select=["callback-uri-not-http"])


@pytest.mark.parametrize("relative", sorted(str(p.relative_to(ROOT)) for p in SAMPLES.glob("*/*.json")))
def test_same_document_as_the_cli(relative):
    flags, options = [], {}
    if "cc30" in relative:
        flags, options = ["--scopes", "Calls.InitiateGroupCalls.All,Calls.InitiateCall.All"], {
            "scopes": ["Calls.InitiateGroupCalls.All", "Calls.InitiateCall.All"]}
    expected_status, expected = cli_json(relative, *flags)
    status, report = callcheck.check_status((ROOT / relative).read_bytes(), source=relative, **options)
    assert (status, report) == (expected_status, expected)


def test_threads_agree():
    bodies = [p.read_bytes() for p in sorted(SAMPLES.glob("*/*.json"))]
    expected = [callcheck.check(b) for b in bodies]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for _ in range(3):
            assert list(pool.map(callcheck.check, bodies)) == expected


def test_rules_and_version():
    catalogue = callcheck.rules()
    codes = [r["code"] for r in catalogue]
    assert codes == sorted(codes) and "CC202" in codes
    cc202 = next(r for r in catalogue if r["code"] == "CC202")
    assert cc202["name"] == "callback-uri-not-https"
    assert cc202["explanation"].startswith("## What it does")
    assert callcheck.version() == callcheck.__version__
    # The first line is the release; the next ones name the embedded data.
    assert CLI and subprocess.run([CLI, "version"], capture_output=True, text=True).stdout.splitlines()[0].split() == [
        "callcheck", callcheck.version()]
