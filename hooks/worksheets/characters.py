"""Which characters a worksheet text may hold. Every text goes into the PDF and the DOCX: no
control characters (the DOCX writer cannot store them, they are invisible anyway) and only
characters the bundled font can draw (anything else is an empty box on paper, or a font of the
machine). schema.py reports these problems for every text of a source.
"""

from __future__ import annotations

import functools
import unicodedata

from . import FONTS_DIR


def problems(text: str) -> list[tuple[str, str]]:
    """(problem, fix) for the control characters in `text`, then for those the font cannot print."""
    found = []
    control = sorted({c for c in text if _is_control(c)})
    if control:
        found.append(
            (
                f"contains the invisible control character {', '.join(_name(c) for c in control)}",
                "delete it (it often comes along when text is pasted from another program); "
                "a line break in a text is written as a new line",
            )
        )
    covered = font_characters()
    missing = sorted({c for c in text if ord(c) not in covered and not _is_control(c) and c not in "\t\n\r"})
    if missing:
        found.append(
            (
                f"the worksheet font cannot print {', '.join(_name(c) for c in missing)} (it would be an empty "
                "box on paper)",
                "write it differently (e.g. '->' for an arrow), or add the character to the font if the "
                "original has it (hooks/worksheets/fonts/README.md)",
            )
        )
    return found


def _is_control(char: str) -> bool:
    """A character no text should hold: C0/C1 controls (except tab and line breaks), surrogates
    and the non-characters U+FFFE/U+FFFF."""
    category = unicodedata.category(char)
    return (category == "Cc" and char not in "\t\n\r") or category == "Cs" or char in "\ufffe\uffff"


def _name(char: str) -> str:
    """'U+00E9 'é'' (or just 'U+0001' for an invisible one)."""
    code = f"U+{ord(char):04X}"
    return code if _is_control(char) else f"{code} '{char}'"


@functools.lru_cache(maxsize=1)
def font_characters() -> frozenset[int]:
    """The characters every bundled worksheet font can draw (their cmaps, intersected)."""
    from fontTools.ttLib import TTFont

    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in sorted(FONTS_DIR.glob("*.ttf"))]
    return frozenset(set.intersection(*maps)) if maps else frozenset()
