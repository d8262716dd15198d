"""Debian's headless Chromium, driven two ways with the standard library only.

- :func:`dump_dom`: ``chromium --dump-dom`` with a virtual-time budget, so the JS app renders first;
- :class:`Chromium`: the DevTools protocol over ``--remote-debugging-pipe`` (JSON messages ended by
  NUL on file descriptors 3 and 4), to click a button, read the rendered text and take screenshots.

Every wait is bounded; every process is started in its own session and killed as a group.
"""
from __future__ import annotations

import base64
import fcntl
import html
import json
import os
import re
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def chromium_flags(profile_dir: Path) -> list[str]:
    """The flags seen to work here (spec/stack.md), with a fresh profile for each browser."""
    return [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--mute-audio", f"--user-data-dir={profile_dir}", "--window-size=1600,1000",
    ]


# No network but this machine: every host name but localhost fails to resolve and every request that
# is not for a file or 127.0.0.1 (which proxies bypass) goes to a closed proxy port, so a page that still
# fetches a script or a style from the internet renders without it.
OFFLINE_FLAGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1", "--proxy-server=http://127.0.0.1:9"]


def kill_group(proc: subprocess.Popen, grace_s: float = 10.0) -> None:
    """Stop a process started with ``start_new_session=True`` and everything it started."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(grace_s)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # helpers that outlived their parent
    except ProcessLookupError:
        pass
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        pass


def page_text(dom: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S | re.I)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()


def dump_dom(url: str, profile_dir: Path, budget_ms: int = 15000, timeout_s: float = 90.0) -> str:
    proc = subprocess.Popen(
        [CHROMIUM, *chromium_flags(profile_dir), f"--virtual-time-budget={budget_ms}", "--dump-dom", url],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout_s)
    finally:
        kill_group(proc, grace_s=2)
    return out.decode("utf-8", "replace")


class Chromium:
    """A headless browser with one page, spoken to over the DevTools pipe."""

    def __init__(self, profile_dir: Path, log_path: Path, width: int = 1600, height: int = 1000,
                 extra_flags: list[str] | None = None):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def on_fds_3_and_4():  # in the child, before exec: fd 3 is what it reads, fd 4 what it writes
            read_fd = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            write_fd = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(read_fd, 3)
            os.dup2(write_fd, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            [CHROMIUM, *chromium_flags(profile_dir), *(extra_flags or []), "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, preexec_fn=on_fds_3_and_4,
            close_fds=False,
            start_new_session=True)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        try:
            targets = self.call("Target.getTargets")["targetInfos"]
            page = next(t for t in targets if t["type"] == "page")
            self.session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
            self.call("Page.enable", session=True)
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        except BaseException:
            self.close()
            raise

    def call(self, method: str, params: dict | None = None, session: bool = False, timeout_s: float = 30.0) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + timeout_s
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == message["id"]:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"chromium did not answer {method} within {timeout_s:g} s")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"chromium closed the DevTools pipe during {method}")
                self._buffer += chunk

    def navigate(self, url: str) -> None:
        self.call("Page.navigate", {"url": url}, session=True)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def text(self) -> str:
        return self.evaluate("document.body ? document.body.innerText : ''") or ""

    def wait_for_text(self, *needles: str, timeout_s: float = 45.0) -> str:
        deadline = time.monotonic() + timeout_s
        while True:
            text = self.text()
            if all(n in text for n in needles):
                return text
            if time.monotonic() > deadline:
                raise TimeoutError(f"page never showed {needles!r}; it shows: {text[:2000]!r}")
            time.sleep(0.25)

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            width, height = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": width, "height": min(height, 8000), "scale": 1}
        data = self.call("Page.captureScreenshot", params, session=True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                self.call("Browser.close", timeout_s=5)
        except Exception:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        kill_group(self.proc, grace_s=2)
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        self._log.close()

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
