"""Where a worksheet's page and downloads live on the site, and under which name the cache keeps
them: werkbladen/<id>/ and werkbladen/<name>.pdf, under en/ for English. Pure; imported by the
renderers (fields.py) and the build (build.py) alike, so neither imports the other."""

from __future__ import annotations

from typing import Any

from . import DEFAULT_LANGUAGE


def language_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_path(lang: str, sheet_id: str) -> str:
    """Path of the sheet's page on the site: werkbladen/<id>/ or en/werkbladen/<id>/."""
    return f"{language_prefix(lang)}werkbladen/{sheet_id}/"


def page_url(site_url: str, lang: str, sheet_id: str) -> str:
    """The absolute URL printed on the sheet and in its QR code."""
    base = (site_url or "").rstrip("/") + "/"
    return base + page_path(lang, sheet_id)


def file_name(data: dict[str, Any], lang: str, kind: str) -> str:
    return f"{data['files'][lang]}.{kind}"


def output_uri(data: dict[str, Any], lang: str, kind: str) -> str:
    """Final output path of a download: werkbladen/<name>.pdf or en/werkbladen/<name>.pdf."""
    return f"{language_prefix(lang)}werkbladen/{file_name(data, lang, kind)}"


def cache_name(data: dict[str, Any], lang: str, kind: str) -> str:
    return f"{lang}/{file_name(data, lang, kind)}"
