"""Make the two worksheet fonts from the originals (run by hand; the build only reads the results).

    npm pack @fontsource/atkinson-hyperlegible-next@5.3.0 && tar xzf fontsource-*.tgz
    .venv/bin/python hooks/worksheets/fonts/make_fonts.py package

Atkinson Hyperlegible Next (SIL OFL 1.1, no Reserved Font Name: OFL.txt) from the npm package
@fontsource/atkinson-hyperlegible-next: its `latin` and `latin-ext` woff2 files (400 and 700
normal) are merged into one TrueType file per weight and subset to what Dutch and English text
needs (KEEP), without glyph substitutions (see `_subset`). The original has no glyph for U+2010
HYPHEN (which WeasyPrint draws when it hyphenates a word) or U+2011 NON-BREAKING HYPHEN: both get
a copy of its hyphen-minus glyph (ALIASES), so no other font is ever needed. The same input gives
the same bytes.
"""

from __future__ import annotations

import copy
import pathlib
import sys
import tempfile

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

HERE = pathlib.Path(__file__).resolve().parent
KEEP = [
    *range(0x20, 0x7F),  # Basic Latin
    *range(0xA0, 0x180),  # Latin-1 (ë, é, ï, ü, ×, €-less currency, nbsp) and Latin Extended-A (ĳ, Ĳ)
    0x2009,  # thin space
    0x2013,  # – en dash
    0x2014,  # — em dash
    0x2018,  # ‘
    0x2019,  # ’ (also the apostrophe in zo’n, auto’s)
    0x201A,  # ‚
    0x201C,  # “
    0x201D,  # ”
    0x201E,  # „ (Dutch opening quote)
    0x2022,  # • bullet
    0x2026,  # … ellipsis
    0x2032,  # ′ prime
    0x2033,  # ″ double prime
    0x2039,  # ‹
    0x203A,  # ›
    0x20AC,  # € euro
    0x2122,  # ™
    0x2212,  # − minus
]
ALIASES = {0x2010: 0x2D, 0x2011: 0x2D}  # hyphen, non-breaking hyphen: drawn like the hyphen-minus
WEIGHTS = (("400", "Regular"), ("700", "Bold"))


def make(package: pathlib.Path, weight: str, name: str, out: pathlib.Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parts, done = [], set()
        for script in ("latin", "latin-ext"):
            font = TTFont(
                package / "files" / f"atkinson-hyperlegible-next-{script}-{weight}-normal.woff2",
                recalcTimestamp=False,
            )
            font.flavor = None
            # Each character from one file only: the merger would keep a second copy of a shared
            # glyph and add a 'locl' substitution to it, which a PDF cannot map back to its text.
            wanted = [c for c in KEEP if c in font.getBestCmap() and c not in done]
            done.update(wanted)
            _subset(font, wanted)
            part = pathlib.Path(tmp) / f"{script}.ttf"
            font.save(part)
            parts.append(str(part))
            if script == "latin":
                stamps = font["head"]
        merged = Merger().merge(parts)
    _subset(merged, KEEP)
    _add_aliases(merged)
    merged["head"].created, merged["head"].modified = stamps.created, stamps.modified  # not today's date
    merged.recalcTimestamp = False
    merged.save(out / f"AtkinsonHyperlegibleNext-{name}-subset.ttf")


def _subset(font: TTFont, unicodes: list[int]) -> None:
    """Keep `unicodes`, their kerning and mark positioning (GPOS), and no glyph substitution
    (GSUB): every glyph drawn is then the glyph of a character, which is how a PDF that embeds the
    whole font maps glyphs back to text (its ToUnicode comes from the cmap)."""
    options = subset.Options()
    options.layout_features = ["kern", "mark", "mkmk"]
    options.drop_tables += ["GSUB"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)


def _add_aliases(font: TTFont) -> None:
    """Give each alias a copy of its original's glyph, under its own name, so a PDF maps the
    glyph back to the alias (a hyphen WeasyPrint adds stays U+2010 when the text is copied)."""
    cmap = font.getBestCmap()
    order = list(font.getGlyphOrder())
    for alias, original in ALIASES.items():
        name, source = f"uni{alias:04X}", cmap[original]
        glyph = font["glyf"][source]
        font["glyf"][name] = copy.deepcopy(glyph)
        font["hmtx"][name] = font["hmtx"][source]
        if name not in order:
            order.append(name)
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[alias] = name
    font.setGlyphOrder(order)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for weight, name in WEIGHTS:
        make(pathlib.Path(argv[0]), weight, name, HERE)
    print(f"fonts: wrote {', '.join(name for _, name in WEIGHTS)} to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
