"""A compound file (OLE2: .doc, .xls, .wps) cut short: told by its length, which a whole one holds as its
header and a whole number of sectors (512 bytes, or 4,096 in version 4).

A reader that fails on such a file says so (cut short, and how much is there) instead of the error deep
inside the reader (IndexError: array index out of range; OleFileError: incomplete OLE sector).
"""
from __future__ import annotations

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_FREE = 0xFFFFFFFE  # (and above: end of chain, free, the FAT's own sectors)


def cut_short(data: bytes) -> bool:
    """The file opens as a compound file but does not end on a sector's edge, or its header places its
    directory or a sector of its allocation table past the end."""
    if not data.startswith(OLE2_MAGIC) or len(data) < 512:
        return bool(data.startswith(OLE2_MAGIC))
    shift = int.from_bytes(data[30:32], "little")
    sector = 1 << shift if shift in (9, 12) else 512
    if len(data) % sector:
        return True
    sectors = (len(data) - 512) // sector  # the header takes the first 512 bytes (a whole sector in version 3)
    directory = int.from_bytes(data[48:52], "little")
    allocation = [int.from_bytes(data[at:at + 4], "little") for at in range(76, 512, 4)]
    return any(index < _FREE and index >= sectors for index in [directory, *allocation])


def damage_reason(data: bytes, kind: str, name: str, error: Exception) -> str:
    """Why a compound file could not be read, in the words a person acts on."""
    if cut_short(data):
        return (f"{name}: damaged .{kind}, cut short ({len(data):,} bytes, not a whole number of its sectors): "
                f"a whole copy of the file is needed")
    return f"{name}: damaged .{kind}, corrupt ({type(error).__name__}: {error})"
