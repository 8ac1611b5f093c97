"""Reproducible outputs: one fixed timestamp and a normaliser for DOCX (zip) files.

The timestamp is SOURCE_DATE_EPOCH when set (reproducible-builds.org), else a fixed default, so
two builds of the same source give byte-identical files.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime

DEFAULT_EPOCH = 1704067200  # 2024-01-01T00:00:00Z
ZIP_MIN_EPOCH = 315532800  # 1980-01-01: the earliest time a zip entry can hold


def source_epoch() -> int:
    """SOURCE_DATE_EPOCH if it is a valid number, else the fixed default."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else DEFAULT_EPOCH


def source_datetime() -> datetime:
    """The fixed timestamp as a naive UTC datetime (what python-docx core properties expect)."""
    return datetime.fromtimestamp(source_epoch(), tz=UTC).replace(tzinfo=None)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed timestamps, permissions and compression, in the same order."""
    stamp = datetime.fromtimestamp(max(source_epoch(), ZIP_MIN_EPOCH), tz=UTC)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info.filename), compresslevel=9)
    return out.getvalue()
