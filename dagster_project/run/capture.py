"""Everything the run writes to stdout/stderr (Dagster's log, dbt, worker processes) goes to a log file.

The process's file descriptors 1 and 2 are pointed at a pipe; a thread copies the pipe to the log
file without colour codes, hands each line to a callback (the console reads dbt's progress there),
and in verbose mode also copies it to the terminal. The terminal itself stays reachable through
`Capture.console`.
"""
from __future__ import annotations

import os
import re
import sys
import threading
import time
from pathlib import Path
from typing import Callable, TextIO

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
QUIET = 0.2  # seconds without output after which the pipe is taken as drained
STRAGGLER_WAIT = 5.0  # the longest the end of a run waits for the pipe


class Capture:
    def __init__(self, log_path: Path, verbose: bool = False,
                 on_line: Callable[[str], None] = lambda _: None, log_after_exit: bool = False) -> None:
        self.log_path = log_path
        # True: what the process still writes after the run (interpreter shutdown noise) goes to
        # the log too, not to the terminal
        self.log_after_exit = log_after_exit
        self.verbose = verbose
        self.on_line = on_line
        self.console: TextIO = sys.stdout
        self.write_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._last_read = 0.0

    def __enter__(self) -> "Capture":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "ab", buffering=0)
        sys.stdout.flush()
        sys.stderr.flush()
        self._saved = (os.dup(1), os.dup(2))
        self.console = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8", errors="replace")
        read_fd, write_fd = os.pipe()
        os.dup2(write_fd, 1)
        os.dup2(write_fd, 2)
        os.close(write_fd)
        self._thread = threading.Thread(target=self._pump, args=(read_fd,), name="log-capture", daemon=True)
        self._thread.start()
        return self

    def _pump(self, read_fd: int) -> None:
        pending = b""
        with os.fdopen(read_fd, "rb", buffering=0) as pipe:
            while chunk := pipe.read(65536):
                self._last_read = time.monotonic()
                with self.write_lock:
                    if self._log.closed:  # a straggler writing after the run ended
                        return
                    self._log.write(ANSI.sub(b"", chunk))
                    if self.verbose:
                        self.console.write(chunk.decode("utf-8", "replace"))
                        self.console.flush()
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    try:
                        self.on_line(ANSI.sub(b"", line).decode("utf-8", "replace"))
                    except Exception:  # noqa: BLE001 - the console must never stop the log
                        pass

    def log(self, text: str) -> None:
        """A line into the log file only (the console's own lines, kept with the rest)."""
        with self.write_lock:
            if not self._log.closed:
                self._log.write((text.rstrip("\n") + "\n").encode("utf-8"))

    def __exit__(self, *exc) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        if self.log_after_exit:
            tail = os.open(self.log_path, os.O_WRONLY | os.O_APPEND)
            os.dup2(tail, 1)
            os.dup2(tail, 2)
            os.close(tail)
        else:
            os.dup2(self._saved[0], 1)
            os.dup2(self._saved[1], 2)
        for fd in self._saved:
            os.close(fd)
        # the pipe ends when no process writes to it, but a straggler (multiprocessing's resource
        # tracker inherits the descriptors and lives until this process exits) must not hold the
        # run open: what is left in the pipe is read at once, so the first quiet moment ends the wait
        deadline = time.monotonic() + STRAGGLER_WAIT
        while self._thread and self._thread.is_alive() and time.monotonic() < deadline:
            self._thread.join(timeout=QUIET)
            if time.monotonic() - self._last_read >= QUIET:
                break
        with self.write_lock:
            self._log.close()
