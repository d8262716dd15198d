"""The reader server: reads each attachment it is sent in a child of its own, within the limits.

Run as ``python -m dagster_project.ingest.reader_server`` by :mod:`.reader_process`; it imports the
readers once (pdfplumber takes half a second), then answers requests on stdin with results on
stdout, both pickled, one at a time. For each file it forks: being single-threaded, it holds no lock
a child could inherit (the ingest process, with DuckDB's threads, must never fork). The child caps
its address space (RLIMIT_AS) and CPU time (RLIMIT_CPU: the kernel ends it even if nobody waits for
it any more) and sends the result back over a pipe; the server waits no longer than the wall-clock
limit, then kills it. The server ends when its stdin closes (the process that started it closed it,
or died), killing the child it is waiting for; a child dies with the server too.
"""
from __future__ import annotations

import ctypes
import os
import pickle
import resource
import select
import signal
import sys
import time
from dataclasses import replace

from ..parse.attachments import ReaderResult, over_parse_budget, read_attachment, refused
from ..parse.text.blanks import folded_blanks

WALL_CLOCK_FACTOR = 2.0  # a loaded machine gives a child less than a core: the wall clock allows twice the CPU limit
WALL_CLOCK_GRACE = 2.0
MEMORY_NEAR_LIMIT = 0.9  # a refused read whose peak address space came this close to the limit ran out of memory
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _preload() -> None:
    """Import what the readers import lazily, once, so that each fork has it."""
    import docx  # noqa: F401
    import openpyxl  # noqa: F401
    import pdfplumber  # noqa: F401
    import xlrd  # noqa: F401

    from ..parse.pdf import reader  # noqa: F401
    from ..parse.sheet import xls_reader, xlsx_reader  # noqa: F401
    from ..parse.word import docx_reader, legacy, rtf_reader  # noqa: F401
    from ..settings import get_settings

    get_settings()


def _settings_of(env: dict[str, str]) -> None:
    """The requester's GOVINFO_ settings in the child (this server kept the environment it started with)."""
    from ..settings import get_settings

    for name in [name for name in os.environ if name.startswith("GOVINFO_")]:
        del os.environ[name]
    os.environ.update(env)
    get_settings.cache_clear()


def _peak_address_space() -> int:
    """VmPeak of this process in bytes (0 where /proc says nothing)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def over_time(kind: str, source_path: str, seconds: float) -> ReaderResult:
    return replace(refused(kind, f"{source_path}: not read: the {kind} reader took more than {seconds:g} s "
                                 f"(GOVINFO_ATTACHMENTS_READER_MAX_SECONDS)"), limit=f"{seconds:g} s")


def over_memory(kind: str, source_path: str, memory_mb: int, reason: str | None = None) -> ReaderResult:
    reason = reason or (f"{source_path}: not read: the {kind} reader needed more than {memory_mb:,} MB "
                        f"(GOVINFO_ATTACHMENTS_READER_MAX_MB)")
    return replace(refused(kind, reason), limit=f"{memory_mb} MB")


def _child(write_end: int, data: bytes, kind: str, source_path: str, seconds: float, memory_mb: int,
           env: dict[str, str], server: int, max_chars: int | None = None) -> None:
    _die_with(server)
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = max(1, int(seconds + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU at the soft limit, SIGKILL at the hard one
    _settings_of(env if max_chars is None else {**env, "GOVINFO_PARSE_MAX_CHARS": str(max_chars)})
    try:
        result = read_attachment(data, kind, source_path)
    except MemoryError:
        result = over_memory(kind, source_path, memory_mb)
    if result.status == "refused" and _peak_address_space() > memory * MEMORY_NEAR_LIMIT:
        result = over_memory(kind, source_path, memory_mb)  # refused inside C code, it surfaces as another error
    if max_chars is not None and result.text and len(folded_blanks(result.text, max_chars)) > max_chars:
        # judged here, in the child, as ingest judges a text file's: such a text never reaches the ingest
        # process or the warehouse, where hundreds of megabytes of it stopped the run (the spreadsheet
        # readers stop at the budget themselves)
        result = over_parse_budget(kind, source_path, max_chars)
    payload = _pickled(result)
    with os.fdopen(write_end, "wb") as pipe:
        pipe.write(payload)


class RequesterGone(Exception):
    """The requester closed the server's stdin (or died) while a file was being read."""


def read_in_child(data: bytes, kind: str, source_path: str, seconds: float, memory_mb: int,
                  env: dict[str, str], max_chars: int | None = None, requests: int | None = None) -> bytes:
    """One file read in a forked child under the limits: the pickled ReaderResult (the child's own
    bytes, passed on unread); never raises on the file. ``requests``: the server's stdin, watched
    meanwhile: the requester sends nothing while it waits, so anything there is its end (raises
    :class:`RequesterGone` once the child is killed)."""
    read_end, write_end = os.pipe()
    server = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: whatever happens, it ends here
        code = 0
        try:
            os.close(read_end)
            _child(write_end, data, kind, source_path, seconds, memory_mb, env, server, max_chars)
        except BaseException:  # noqa: BLE001 - the exit status is the only word left
            code = 70
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds * WALL_CLOCK_FACTOR + WALL_CLOCK_GRACE
    timed_out = False
    watched = [read_end] + ([requests] if requests is not None else [])
    try:
        while True:
            remaining = deadline - time.monotonic()
            ready = select.select(watched, [], [], remaining)[0] if remaining > 0 else []
            if not ready:
                timed_out = True
                os.kill(pid, signal.SIGKILL)
                break
            if requests in ready:
                os.kill(pid, signal.SIGKILL)
                raise RequesterGone
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if chunks and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return b"".join(chunks)
    ended_by = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if timed_out or ended_by in (signal.SIGXCPU, signal.SIGKILL):
        return _pickled(over_time(kind, source_path, seconds))
    how = f"signal {signal.Signals(ended_by).name}" if ended_by else f"exit status {os.WEXITSTATUS(status)}"
    return _pickled(over_memory(kind, source_path, memory_mb,
                                f"{source_path}: not read: the {kind} reader's process ended with {how} (a damaged "
                                f"file, or more than {memory_mb:,} MB: GOVINFO_ATTACHMENTS_READER_MAX_MB)"))


def _pickled(result: ReaderResult) -> bytes:
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def _die_with(server: int) -> None:
    """SIGKILL when the server dies (the server is single-threaded: the death signal of a thread's
    child fires when that thread ends, which here is the process)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the CPU limit ends the child
        return
    if os.getppid() != server:  # the server died before the request was made
        os._exit(1)


def main() -> None:
    # Ctrl-C reaches the process group: the requester decides (it stops the servers it started). No
    # death signal ties the server to the requester: it would fire when the requester's thread that
    # started it ends, not the requester; the server ends at the end of its stdin, when the requester
    # closes it or dies.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a reader that prints must not write into the answers
    _preload()
    while True:
        try:
            request = pickle.load(requests)
        except EOFError:
            return
        try:
            answer = read_in_child(*request, requests=requests.fileno())
        except RequesterGone:
            return
        answers.write(answer)
        answers.flush()


if __name__ == "__main__":
    main()
