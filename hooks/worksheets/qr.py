"""QR codes for the URL printed on a worksheet: SVG data URI for HTML/PDF, PNG bytes for DOCX."""

from __future__ import annotations

import io

import segno


def qr_svg_data_uri(url: str) -> str:
    """An SVG data URI of a QR code for `url` (error level M, quiet zone of 4 modules)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=4, xmldecl=False, svgns=True)


def qr_png_bytes(url: str) -> bytes:
    """PNG bytes of the same QR code (deterministic: segno writes no timestamps)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()
