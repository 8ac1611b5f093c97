"""Worksheet PDFs are the same bytes on every machine: only the bundled fonts are embedded (whole:
they are already subset), so neither the machine's fonts (fontconfig) nor the presence of
HarfBuzz's subsetter (libharfbuzz-subset0) changes a byte; and the bundled fonts draw what real
Dutch and English text needs, including the hyphen WeasyPrint adds when it hyphenates."""

from __future__ import annotations

import io
import pathlib
import subprocess
import sys

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from hooks.worksheets import FONTS_DIR
from hooks.worksheets.pdf import render_pdf
from hooks.worksheets.render_html import print_css
from tests.helpers import REPO, build_env
from tests.worksheets_helpers import pdf_text

FONTS = sorted(FONTS_DIR.glob("*.ttf"))
# Typographic quotes, dashes, ellipsis, euro, Dutch diacritics and ĳ, no-break and thin space, the
# hyphen (U+2010) WeasyPrint draws when it breaks a word, the non-breaking hyphen.
TYPOGRAPHY = "“”‘’„‚–—…€ëéèêïöüáàçñĳĲÉË\u00a0\u2009\u2010\u2011×½°"

NO_HARFBUZZ_SUBSET = """
import runpy, sys
import weasyprint.pdf.fonts as fonts, weasyprint.text.ffi as ffi
ffi.harfbuzz_subset = fonts.harfbuzz_subset = None  # as on a machine without libharfbuzz-subset0
sys.argv = ["hooks.worksheets", *sys.argv[1:]]
runpy.run_module("hooks.worksheets", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("font", FONTS, ids=lambda f: f.name)
def test_the_bundled_fonts_draw_real_dutch_and_english_typography(font):
    cmap = TTFont(font).getBestCmap()
    missing = [f"U+{ord(c):04X} {c}" for c in TYPOGRAPHY if ord(c) not in cmap]
    assert not missing, f"{font.name} has no glyph for {missing}"


ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 „één” ĳsbeer – café € 2,50 ‘zo’n’ …"


def test_text_in_the_bundled_fonts_reads_back_from_the_pdf():
    """A PDF that embeds a whole font maps glyphs back to text through the font's cmap: the fonts
    have no glyph substitutions (GSUB), so every glyph drawn is the glyph of a character."""
    assert all("GSUB" not in TTFont(font) for font in FONTS)
    html = f"<html lang='nl'><style>{print_css()}</style><h1>{ALPHABET}</h1><p>{ALPHABET}</p></html>"
    text = pdf_text(render_pdf(html))
    assert " ".join(text.split()).count(ALPHABET) == 2, text


def _render_all(out: pathlib.Path, tmp: pathlib.Path, *, env: dict | None = None, python: list | None = None):
    """Every worksheet PDF and DOCX into `out`, from an empty cache, in a fresh process."""
    cmd = [*(python or [sys.executable, "-m", "hooks.worksheets"]), "build", "--out", str(out)]
    cmd += ["--cache", str(tmp / f"cache-{out.name}"), "--site-url", "https://belangenoptafel.example.org/"]
    result = subprocess.run(cmd, cwd=REPO, env={**build_env(), **(env or {})}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


@pytest.fixture(scope="module")
def renders(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fonts")
    (tmp / "fontconfig").mkdir()
    minimal = tmp / "fonts.conf"  # no font folders at all: only what the PDF brings along
    minimal.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp / 'fontconfig'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return {
        "normal": _render_all(tmp / "normal", tmp),
        "no system fonts": _render_all(tmp / "minimal", tmp, env={"FONTCONFIG_FILE": str(minimal)}),
        "no harfbuzz subset": _render_all(tmp / "nohb", tmp, python=[sys.executable, "-c", NO_HARFBUZZ_SUBSET]),
    }


@pytest.mark.parametrize("variant", ["no system fonts", "no harfbuzz subset"])
def test_pdfs_are_byte_identical_without_system_fonts_and_without_harfbuzz_subset(renders, variant):
    normal, other = renders["normal"], renders[variant]
    assert sorted(normal) == sorted(other) and len(normal) == 18
    differ = [name for name in normal if normal[name] != other[name]]
    assert not differ, f"{variant}: {len(differ)} PDF(s) differ, e.g. {differ[:3]}"


def test_pdfs_embed_only_the_bundled_font_files_unchanged(renders):
    bundled = {path.read_bytes() for path in FONTS}
    for name, pdf in renders["normal"].items():
        embedded = []
        for page in PdfReader(io.BytesIO(pdf)).pages:
            for font in page["/Resources"]["/Font"].values():
                descendant = font.get_object()["/DescendantFonts"][0].get_object()
                program = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
                embedded.append((str(descendant["/BaseFont"]), program in bundled))
        assert embedded and all(ok for _, ok in embedded), f"{name}: {embedded}"
