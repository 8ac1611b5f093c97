"""Card images for link previews: 1200 x 630 PNG with a page's section and title, drawn with the
bundled font (Atkinson Hyperlegible Next, hooks/worksheets/fonts/) in the site's colours.

The same text gives the same bytes on every machine: Pillow's own FreeType and zlib come with its
locked wheel, text is laid out with Pillow's basic engine (not libraqm, which Pillow would load from
the system when present), and the PNG carries no date or other metadata. A card is kept in
`.cache/plugin/cards/` under a hash of its text, the fonts, this module and Pillow's version, so a
rebuild draws only the cards whose page title or section changed. The characters the fonts can
draw are kept there too (checked against their hash when read).

    python -m hooks.pages.cards draw OUT.png "Title" ["Section"] [nl|en]   one card, for a look
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import pathlib
import sys

from hooks.build.common import SourceError
from hooks.build.store import Store
from hooks.build.store import digest as kept_key
from hooks.worksheets import FONTS_DIR

WIDTH, HEIGHT = 1200, 630
MAX_BYTES = 150_000
BOLD = FONTS_DIR / "AtkinsonHyperlegibleNext-Bold-subset.ttf"
REGULAR = FONTS_DIR / "AtkinsonHyperlegibleNext-Regular-subset.ttf"

# The site's colours (overrides/assets/site/site.css, overrides/assets/logo.svg).
TEAL = (31, 78, 74)  # --md-primary-fg-color
TEAL_DARK = (22, 58, 55)  # --md-primary-fg-color--dark
GOLD = (242, 196, 109)  # the logo's outer heads
WHITE = (255, 255, 255)
MIST = (197, 217, 214)  # --bot-box-border: the description on the home card

MARGIN = 80
SITE_NAME = {"nl": "Belangen op tafel", "en": "Interests on the table"}


DAMAGED: list[str] = []  # kept character lists that did not match their hash (read from the fonts again)


def _font_characters() -> frozenset[int]:
    """What both fonts can draw, read from the fonts themselves (fontTools)."""
    from fontTools.ttLib import TTFont

    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in (BOLD, REGULAR)]
    return frozenset(set.intersection(*maps))


@functools.lru_cache(maxsize=4)
def _characters(cache: pathlib.Path | None = None) -> frozenset[int]:
    """What both fonts can draw, kept in `cache` (hooks/build/store.py) under a hash of this module,
    the fonts and fontTools' version: a rebuild need not load fontTools and parse the fonts."""
    if cache is None:
        return _font_characters()
    import importlib.metadata

    key = kept_key(b"characters", _drawing_digest().digest(), importlib.metadata.version("fonttools").encode())
    kept = Store(cache)
    data = kept.fetch(key, lambda: json.dumps(sorted(_font_characters())).encode("ascii"))
    DAMAGED.extend(kept.damaged)
    return frozenset(json.loads(data))


def missing_characters(text: str, cache: pathlib.Path | None = None) -> list[str]:
    """The characters of `text` the bundled fonts cannot draw, as 'U+2192 '→''."""
    known = _characters(cache)
    return sorted({f"U+{ord(c):04X} '{c}'" for c in text if ord(c) not in known and not c.isspace()})


@functools.lru_cache(maxsize=16)
def _font(path: pathlib.Path, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fit(text: str, path: pathlib.Path, sizes: tuple[int, ...], width: int, max_lines: int):
    """The largest size at which `text` wraps into at most `max_lines` lines; at the smallest size,
    the lines that fit, the last one ending in '…'."""
    for size in sizes:
        font = _font(path, size)
        lines = _wrap(text, font, width)
        if len(lines) <= max_lines and all(font.getlength(line) <= width for line in lines):
            return font, size, lines
    font = _font(path, sizes[-1])
    lines = _wrap(text, font, width)[:max_lines]
    while lines and font.getlength(lines[-1] + "…") > width and " " in lines[-1]:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    lines[-1] += "…"
    return font, sizes[-1], lines


def _logo(draw, x: int, y: int, scale: float) -> None:
    """The logo (overrides/assets/logo.svg: a table with three heads), drawn at (x, y)."""

    def box(x0, y0, x1, y1):
        return [x + x0 * scale, y + y0 * scale, x + x1 * scale, y + y1 * scale]

    draw.rounded_rectangle(box(2, 10, 22, 13), radius=scale, fill=WHITE)
    draw.rectangle(box(5, 13, 7, 21), fill=WHITE)
    draw.rectangle(box(17, 13, 19, 21), fill=WHITE)
    for cx, cy, colour in ((7, 6, GOLD), (12, 5, WHITE), (17, 6, GOLD)):
        draw.ellipse(box(cx - 2.5, cy - 2.5, cx + 2.5, cy + 2.5), fill=colour)


def draw(title: str, section: str, lang: str, description: str = "") -> bytes:
    """The PNG of one card: site name with logo, section (or, without one, the description under
    the title), title."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), TEAL)
    pen = ImageDraw.Draw(image)
    pen.rectangle([0, HEIGHT - 24, WIDTH, HEIGHT], fill=TEAL_DARK)
    pen.rectangle([0, HEIGHT - 24, 360, HEIGHT], fill=GOLD)
    _logo(pen, MARGIN, 64, 3.0)
    pen.text((MARGIN + 88, 78), SITE_NAME.get(lang, SITE_NAME["nl"]), font=_font(BOLD, 40), fill=WHITE)
    width = WIDTH - 2 * MARGIN
    y = 200
    if section:
        pen.text((MARGIN, y), section.upper(), font=_font(BOLD, 34), fill=GOLD)
        y += 70
    font, size, lines = _fit(title, BOLD, (76, 68, 60, 52), width, 3 if section else 2)
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=WHITE)
        y += int(size * 1.2)
    if description and not section:
        y += 24
        small, small_size, rest = _fit(description, REGULAR, (38, 34, 30), width, 3)
        for line in rest:
            pen.text((MARGIN, y), line, font=small, fill=MIST)
            y += int(small_size * 1.3)
    # Few colours (the backgrounds, gold, white, mist and the anti-aliased edges between them): a
    # palette image of exactly those is a third of the size of the RGB one and looks the same.
    # Mapping to a fixed palette and zlib level 6 take a tenth of the time of a computed palette
    # and level 9, for a file about 10 % larger.
    out = io.BytesIO()
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def _palette():
    """The card's colours: the background and its ramps to white, gold and mist (anti-aliasing)."""
    from PIL import Image

    def ramp(end, steps):
        return [
            tuple(round(a + (b - a) * k / (steps - 1)) for a, b in zip(TEAL, end, strict=True)) for k in range(steps)
        ]

    colours = ramp(WHITE, 24) + ramp(GOLD, 16)[1:] + ramp(MIST, 16)[1:] + [TEAL_DARK, GOLD]
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for colour in colours for value in colour])
    return palette


@functools.cache
def _drawing_digest() -> hashlib._Hash:
    """This code and the fonts, hashed once per process (they shape every card alike)."""
    digest = hashlib.sha256(pathlib.Path(__file__).read_bytes())
    for path in (BOLD, REGULAR):
        digest.update(path.read_bytes())
    return digest


def card_key(title: str, section: str, lang: str, description: str = "") -> str:
    """A hash of everything that shapes a card."""
    import PIL

    digest = _drawing_digest().copy()
    text = json.dumps([title, section, lang, description, PIL.__version__], ensure_ascii=False)
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def _whole_png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")


def card(title: str, section: str, lang: str, description: str = "", cache: pathlib.Path | None = None) -> bytes:
    """The card's bytes, from `cache` when it holds them (a damaged or cut-off file is drawn again).
    A character the fonts cannot draw, or a card over MAX_BYTES, raises SourceError."""
    missing = missing_characters(title + section + description, cache)
    if missing:
        raise SourceError(f"the bundled font cannot draw {', '.join(missing)}")
    cached = cache / f"{card_key(title, section, lang, description)[:40]}.png" if cache else None
    if cached and cached.is_file():
        data = cached.read_bytes()
        if _whole_png(data):
            return data
    data = draw(title, section, lang, description)
    if len(data) > MAX_BYTES:
        raise SourceError(f"its card is {len(data)} bytes, more than {MAX_BYTES}: shorten the title")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(cached)
    return data


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] != "draw":
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    out, title = pathlib.Path(argv[1]), argv[2]
    section = argv[3] if len(argv) > 3 else ""
    lang = argv[4] if len(argv) > 4 else "nl"
    try:
        out.write_bytes(card(title, section, lang))
    except SourceError as exc:
        print(f"{title}: {exc}", file=sys.stderr)
        return 1
    print(f"{out}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
