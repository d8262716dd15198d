"""The Dagster UI shows the failing reconciliation check and names the report a person has to look at.

A real ``dagster-webserver`` on 127.0.0.1 (its own DAGSTER_HOME, a temporary copy of the seeds, a
temporary warehouse) runs the ``build_warehouse`` job launched through GraphQL. The check results
are read back through GraphQL, then Debian's headless Chromium renders the failing check's page:
``--dump-dom`` for the page as it first renders, the DevTools pipe to open the ``worst_cases``
table and take screenshots (``check_page.png``, ``worst_cases.png`` in the test's tmp folder).

Seed 004 (开封市质量技术监督局, 2018) prints (二) 回应解读 as 0 while its rows add to 11: R-S-RESPONSE
fails there, so ``gx_report_identities`` fails with WARN severity while ``gx_lineage`` passes.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from headless_chromium import CHROMIUM, Chromium, dump_dom, kill_group, page_text
from seed_gold import seed_cases

ROOT = Path(__file__).resolve().parents[2]
ASSET_KEY = ["marts", "fct_reconciliation"]
JOB = "build_warehouse"
FAILING_SEED = "004_b6ce9a87a66a1839.txt"
FAILING_AGENCY = "开封市质量技术监督局"
FAILING_RULE = "R-S-RESPONSE"
SERVER_START_S = 90
RUN_S = 150

METADATA = """label __typename
  ... on TextMetadataEntry { text }
  ... on MarkdownMetadataEntry { mdStr }
  ... on JsonMetadataEntry { jsonString }
  ... on IntMetadataEntry { intValue }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, url: str, proc: subprocess.Popen, log: Path, tmp: Path):
        self.url, self.proc, self.log, self.tmp = url, proc, log, tmp

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        response = requests.post(f"{self.url}/graphql", json={"query": query, "variables": variables or {}}, timeout=30)
        response.raise_for_status()
        body = response.json()
        assert not body.get("errors"), body["errors"]
        return body["data"]


def _wait_until_serving(server: Server) -> None:
    """Up means the HTTP server answers and the code location has loaded (or failed to)."""
    deadline = time.monotonic() + SERVER_START_S
    while True:
        if server.proc.poll() is not None:
            pytest.fail(f"dagster-webserver exited with {server.proc.returncode}:\n{server.log_tail()}")
        try:
            entries = server.graphql("""{ workspaceOrError { __typename ... on Workspace { locationEntries {
                name loadStatus locationOrLoadError { __typename ... on PythonError { message } } } } } }""")
            entries = entries["workspaceOrError"].get("locationEntries") or []
            if entries and all(e["loadStatus"] == "LOADED" for e in entries):
                errors = [e["locationOrLoadError"] for e in entries if e["locationOrLoadError"]["__typename"] == "PythonError"]
                assert not errors, errors
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"dagster-webserver did not serve within {SERVER_START_S} s:\n{server.log_tail()}")
        time.sleep(0.5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dagster_ui")
    home, raw = tmp / "dagster_home", tmp / "raw"
    home.mkdir()
    raw.mkdir()
    # no daemon here: the default coordinator starts a launched run at once instead of queueing it
    (home / "dagster.yaml").write_text(
        "telemetry:\n  enabled: false\n"
        "run_coordinator:\n  module: dagster.core.run_coordinator\n  class: DefaultRunCoordinator\n",
        encoding="utf-8")
    for path, _ in seed_cases():
        shutil.copy(path, raw / path.name)
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "GOVINFO_RAW_DIR": str(raw),
        "GOVINFO_WAREHOUSE": str(tmp / "warehouse" / "govinfo.duckdb"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "GX_ANALYTICS_ENABLED": "False",
    }
    log = tmp / "webserver.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("dagster-webserver")), "-h", "127.0.0.1", "-p", str(port),
             "-w", str(ROOT / "workspace.yaml")],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    running = Server(f"http://127.0.0.1:{port}", proc, log, tmp)
    try:
        _wait_until_serving(running)
        yield running
    finally:
        kill_group(proc)  # the webserver, its code server and any run worker share its process group


@pytest.fixture(scope="module")
def run_id(server):
    """Launch the whole job through GraphQL, in the repository that defines it, and wait for it."""
    data = server.graphql("""{ workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError {
        ... on RepositoryLocation { name repositories { name jobs { name } } } } } } } }""")
    selectors = [
        {"repositoryLocationName": entry["name"], "repositoryName": repo["name"], "jobName": JOB}
        for entry in data["workspaceOrError"]["locationEntries"]
        for repo in (entry["locationOrLoadError"] or {}).get("repositories", [])
        if JOB in {job["name"] for job in repo["jobs"]}
    ]
    assert len(selectors) == 1, selectors
    launched = server.graphql(
        """mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
            __typename ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }""",
        {"params": {"selector": selectors[0]}})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run = launched["run"]["runId"]
    deadline = time.monotonic() + RUN_S
    while True:
        status = server.graphql("query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }",
                                {"id": run})["runOrError"]["status"]
        if status in {"SUCCESS", "FAILURE", "CANCELED"}:
            break
        if time.monotonic() > deadline:
            pytest.fail(f"run {run} still {status} after {RUN_S} s:\n{server.log_tail()}")
        time.sleep(1)
    assert status == "SUCCESS", f"run {run} ended {status}:\n{server.log_tail()}"
    return run


def _latest_check_execution(server: Server, check: str) -> dict:
    executions = server.graphql(
        f"""query($key: AssetKeyInput!, $check: String!) {{
            assetCheckExecutions(assetKey: $key, checkName: $check, limit: 1) {{
                runId status evaluation {{ checkName success severity metadataEntries {{ {METADATA} }} }} }} }}""",
        {"key": {"path": ASSET_KEY}, "check": check})["assetCheckExecutions"]
    assert len(executions) == 1, (check, executions)
    return executions[0]


def _metadata(evaluation: dict) -> dict:
    values = {}
    for entry in evaluation["metadataEntries"]:
        kind = entry["__typename"]
        values[entry["label"]] = (entry.get("text") if kind == "TextMetadataEntry" else entry.get("mdStr")
                                  if kind == "MarkdownMetadataEntry" else json.loads(entry["jsonString"])
                                  if kind == "JsonMetadataEntry" else entry.get("intValue"))
    return values


def _failing_report_id() -> str:
    from dagster_project.ingest.scan import report_id_for

    return report_id_for(FAILING_SEED)  # ids are the hash of the path below the raw folder


def test_graphql_reports_the_failing_check_and_the_report(server, run_id):
    checks = server.graphql("""query($key: AssetKeyInput!) { assetNodeOrError(assetKey: $key) { ... on AssetNode {
        assetChecksOrError { ... on AssetChecks { checks { name blocking } } } } } }""",
                            {"key": {"path": ASSET_KEY}})["assetNodeOrError"]["assetChecksOrError"]["checks"]
    blocking = {c["name"]: c["blocking"] for c in checks}
    assert blocking["gx_lineage"] is True and blocking["gx_report_identities"] is False

    identities = _latest_check_execution(server, "gx_report_identities")
    assert identities["runId"] == run_id
    assert identities["status"] == "FAILED"
    evaluation = identities["evaluation"]
    assert evaluation["success"] is False and evaluation["severity"] == "WARN"
    meta = _metadata(evaluation)
    assert meta["failing_rules"] == FAILING_RULE
    assert meta["failing_report_ids"] == [_failing_report_id()]
    assert FAILING_AGENCY in meta["worst_cases"] and FAILING_RULE in meta["worst_cases"]
    # the report is named by agency, year and the document's path below the raw folder, not by its id
    assert f"| {FAILING_AGENCY} | 2018 | {FAILING_RULE} | total | part 1 | 0 | 11 | -11 | {FAILING_SEED} |" in meta["worst_cases"]
    assert meta["worst_report"] == f"{FAILING_AGENCY} 2018: {FAILING_SEED}"

    lineage = _latest_check_execution(server, "gx_lineage")
    assert lineage["runId"] == run_id
    assert lineage["status"] == "SUCCEEDED" and lineage["evaluation"]["success"] is True
    assert lineage["evaluation"]["severity"] == "ERROR"


def test_check_page_in_headless_chromium(server, run_id):
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: `make test` installs it (make chromium)"
    # the community pop-up the UI opens once on localhost would cover the page
    assert server.graphql("mutation { setNuxSeen }")["setNuxSeen"] is True
    assert server.graphql("{ shouldShowNux }")["shouldShowNux"] is False
    url = f"{server.url}/assets/{'/'.join(ASSET_KEY)}?view=checks&checkDetail=gx_report_identities"
    tmp = server.tmp

    # the page as it first renders: the failing, non-blocking check and its failing rule
    needles = ("gx_report_identities", "non-blocking", "Failed", "failing_rules", FAILING_RULE, "worst_cases")
    for attempt, budget_ms in enumerate((15_000, 40_000)):  # a slow machine gets a second, longer budget
        text = page_text(dump_dom(url, tmp / f"chromium_dump_profile_{attempt}", budget_ms=budget_ms))
        if all(needle in text for needle in needles):
            break
    for needle in needles:
        assert needle in text, (needle, text[:3000])

    # a person opens the worst cases: the table names the agency, the rule and the report
    with Chromium(tmp / "chromium_profile", tmp / "chromium.log") as browser:
        browser.navigate(url)
        browser.wait_for_text("gx_report_identities", "worst_cases", "[Show Markdown]", FAILING_RULE)
        check_page = browser.screenshot(tmp / "check_page.png")
        clicked = browser.evaluate("""(() => {
            const label = [...document.querySelectorAll('td')].find(td => td.innerText.trim() === 'worst_cases');
            const button = label && [...label.parentElement.querySelectorAll('button, a, span')]
                .find(el => el.innerText.trim() === '[Show Markdown]');
            if (!button) return false;
            button.click();
            return true;
        })()""")
        assert clicked, "no [Show Markdown] next to worst_cases"
        # "what disagrees" heads the table in the dialog; the agency and the path are on the page already
        text = browser.wait_for_text("what disagrees", FAILING_AGENCY, FAILING_SEED)
        time.sleep(1.0)  # the dialog fades in
        worst_cases = browser.screenshot(tmp / "worst_cases.png")
    assert f"{FAILING_AGENCY}\t2018\t{FAILING_RULE}" in text
    for png in (check_page, worst_cases):
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, png
    print(f"\nscreenshots: {check_page} {worst_cases}")
