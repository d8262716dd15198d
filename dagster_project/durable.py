"""What writers in several processes rely on: a file or folder flushed to disk before it is renamed
into view, and whether the process that left a file behind is still running."""
from __future__ import annotations

import os
from pathlib import Path


def fsync(path: Path, *, best_effort: bool = False) -> None:
    """Flush a file, or a folder's entries, to disk. Some filesystems refuse to fsync a folder:
    ``best_effort`` lets that pass where the rename that follows is safe without it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if best_effort:
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not best_effort:
            raise
    finally:
        os.close(fd)


def pid_alive(pid: int | None) -> bool:
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process whose parent died too is re-parented to PID 1; in a container whose PID 1
    does not reap, it stays a zombie for good, and signal 0 still reaches it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # no procfs (macOS) or gone meanwhile
        return False
    return stat[stat.rfind(")") + 2:].startswith(("Z", "X"))
