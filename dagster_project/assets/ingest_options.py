"""The ingest options of a run, from the typed settings (no Dagster import: `make run` reads them before
deciding whether anything changed)."""
from __future__ import annotations

import os

from ..ingest.reader_process import ReaderLimits
from ..ingest.scan import IngestOptions
from ..ingest.walk import BOOKKEEPING
from ..settings import Settings


def ingest_options(settings: Settings) -> IngestOptions:
    skip = set(BOOKKEEPING)
    sources = os.path.realpath(os.fsencode(settings.sources_path))
    root = os.path.realpath(os.fsencode(settings.raw_dir))
    if sources.startswith(root + b"/"):  # a manifest kept inside the raw folder is not a document
        skip.add(sources[len(root) + 1:])
    return IngestOptions(
        full_rescan=settings.full_rescan,
        max_removed_share=settings.max_removed_share,
        allow_mass_removal=settings.allow_mass_removal,
        max_file_bytes=settings.max_file_bytes,
        progress_seconds=settings.progress_seconds,
        skip=frozenset(skip),
        parse_max_chars=settings.parse_max_chars,
        reader_limits=ReaderLimits(settings.attachments.reader_max_seconds, settings.attachments.reader_max_mb,
                                   settings.parse_max_chars),
    )
