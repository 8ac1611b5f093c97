"""Turn a worksheet's HTML document into a tagged (PDF/UA-1), fillable A4 PDF with WeasyPrint."""

from __future__ import annotations

import logging

import weasyprint

from . import STYLES_DIR

# WeasyPrint logs every CSS property it ignores; keep its chatter out of the MkDocs log.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def render_pdf(document_html: str) -> bytes:
    """PDF bytes for one worksheet document. Deterministic: no dates, no random ids.

    The document's `<html lang>` becomes the catalog's /Lang, `<title>` the title, and each
    input's `<label for>` (or `title`) its /TU, so screen readers can name every field. Only the
    bundled fonts are embedded, whole and unchanged: every text is checked against them
    (characters.py, glyph coverage), so no character needs a font of the machine.
    """
    html = weasyprint.HTML(string=document_html, base_url=str(STYLES_DIR) + "/")
    return html.write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_forms=True,
        pdf_identifier=b"belangen-op-tafel",
        uncompressed_pdf=False,
        # The bundled fonts are our own small subsets (fonts/make_fonts.py): embed them as they
        # are. WeasyPrint's own subsetting uses HarfBuzz when libharfbuzz-subset0 is installed and
        # fontTools when not, which gives different bytes for the same sheet on two machines.
        full_fonts=True,
    )
