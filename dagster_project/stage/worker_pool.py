"""The parse workers' process pool: forked warm, stopped at once.

The workers are forked after this process has imported the parser and built its once-per-process
tables (the division table, the host-name index: ~3 s), so every worker shares them instead of
building them again. Workers ignore SIGINT: Ctrl-C reaches the whole process group and the parent
decides. While the pool runs, SIGTERM in the parent raises KeyboardInterrupt as Ctrl-C does, and any
exception leaving the pool (an interrupt, a failed shard) cancels the queued shards and terminates
the workers instead of waiting for every shard to finish. A worker stopped half-way leaves only a
temporary generation that nothing reads and the next writer of the shard removes (shard_store.py).
A parent killed outright (SIGKILL) cannot stop its workers, and they would wait on the task queue
for ever (each holds the queue's other end): on Linux each asks the kernel for SIGTERM when its
parent dies.
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterator

STOP_GRACE_SECONDS = 5.0  # terminated workers that are still alive after this are killed


def warm_parser() -> None:
    """Import the parser (and pandas, which writes each batch's rows) and build the parser's lazily
    built tables here, before workers are forked."""
    import pandas  # noqa: F401

    from ..parse import report  # noqa: F401
    from ..parse.agency.divisions import division_table
    from ..parse.agency.domains import _index
    from .agencies import _to_traditional

    division_table()
    _index()
    _to_traditional()


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _init_worker(parent: int) -> None:
    """Ignore SIGINT; end at SIGTERM (not the parent's handler, forked with it) and with the parent,
    however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the parent's own stop_pool is what ends workers
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _interrupt(signum, _frame) -> None:
    raise KeyboardInterrupt(f"stopped by {signal.Signals(signum).name}")


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt in this process meanwhile (only the main thread takes signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued tasks and end the workers now (shutdown alone waits for the running ones)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(STOP_GRACE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()


@contextmanager
def worker_pool(processes: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``processes`` warm workers (None for 0: the caller works in this process)."""
    if processes <= 0:
        yield None
        return
    warm_parser()
    with _sigterm_interrupts():
        pool = ProcessPoolExecutor(max_workers=processes, initializer=_init_worker, initargs=(os.getpid(),))
        try:
            yield pool
        except BaseException:
            stop_pool(pool)
            raise
        pool.shutdown()
