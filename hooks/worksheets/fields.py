"""The fields of a worksheet as the browser needs them, and the one naming rule for its inputs.

Every input of a sheet has one name, used everywhere: the `name` of the on-screen input, the PDF
form field (WeasyPrint takes the input's name), the tag of the DOCX content control and the key
the browser fills. `cell_name`, `item_name` and `point_name` are that rule; the form template
and the DOCX writer call them, and `sheet_data()` writes them into the JSON the browser reads
(assets/worksheets/<lang>/<id>.json and the `data-ws` attribute of the page), from the validated
source. The answers format the browser keeps, exports and fills is described in AUTHORING.md.

CLI: `python -m hooks.worksheets.fields <id> <lang>` prints the JSON of one sheet.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from . import LANGUAGES
from .labels import labels
from .paths import output_uri
from .schema import SCALE_POINTS

FORMAT = 1  # of the JSON below and of the answers it describes; bump on an incompatible change


def cell_name(field_id: str, row: int, column_id: str) -> str:
    """The name of a table cell (row counts from 1): 'belangen-r2-prio'."""
    return f"{field_id}-r{row}-{column_id}"


def item_name(field_id: str, item_id: str) -> str:
    """The name of a checklist item: 'soorten-geld'."""
    return f"{field_id}-{item_id}"


def point_name(field_id: str, point: int) -> str:
    """The DOCX tag of one point of a scale: 'risico-3' (the PDF has one radio group, 'risico')."""
    return f"{field_id}-{point}"


def json_path(lang: str, sheet_id: str) -> str:
    """Where a sheet's JSON lives, below the site root (the same folder for every language build)."""
    return f"assets/worksheets/{lang}/{sheet_id}.json"


def _field(field: dict[str, Any], section: str, lang: str) -> dict[str, Any]:
    fid, kind = field["id"], field["type"]
    out: dict[str, Any] = {"id": fid, "type": kind, "section": section, "label": field["label"][lang]}
    if kind in ("text", "longtext"):
        out.update(pdf=fid, docx=fid)
    elif kind == "table":
        rows = field.get("rows", 5)
        out["rows"] = rows
        out["columns"] = [{"id": c["id"], "label": c["label"][lang]} for c in field["columns"]]
        names = [[cell_name(fid, r, c["id"]) for c in field["columns"]] for r in range(1, rows + 1)]
        out.update(pdf=names, docx=names)
    elif kind == "checklist":
        out["items"] = [
            {"id": i["id"], "label": i["label"][lang], "pdf": item_name(fid, i["id"]), "docx": item_name(fid, i["id"])}
            for i in field["items"]
        ]
    elif kind == "scale":
        out.update(
            points=SCALE_POINTS,
            min=field["min"][lang],
            max=field["max"][lang],
            pdf=fid,
            docx=[point_name(fid, n) for n in range(1, SCALE_POINTS + 1)],
        )
    return out


def sheet_data(sheet: dict[str, Any], lang: str) -> dict[str, Any]:
    """Everything the browser needs to keep, restore and fill one sheet in one language."""

    words = labels(lang)
    return {
        "format": FORMAT,
        "sheet": sheet["id"],
        "version": sheet["version"],
        "lang": lang,
        "title": sheet["title"][lang],
        "files": {kind: output_uri(sheet, lang, kind) for kind in ("pdf", "docx")},
        "fields": [_field(f, s["id"], lang) for s in sheet["sections"] for f in s["fields"]],
        "messages": {key[4:]: value for key, value in words.items() if key.startswith("msg_")},
        # the sheet's footer as printed (the address comes from the PDF's own link): fill.js
        # (pdf-continuation.js) repeats it on continuation pages
        "footer": {"online": words["online"], "meta": f"{words['licence']} · {words['version']} {sheet['version']}"},
    }


def sheet_json(sheet: dict[str, Any], lang: str) -> str:
    """`sheet_data` as compact, stable JSON text."""
    return json.dumps(sheet_data(sheet, lang), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def main(argv: list[str] | None = None) -> int:
    from .source import load_sheet

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[1] not in LANGUAGES:
        print("usage: python -m hooks.worksheets.fields <sheet id> <nl|en>", file=sys.stderr)
        return 2
    path = Path(__file__).resolve().parents[2] / "worksheets" / f"{args[0]}.yml"
    loaded = load_sheet(path)
    if not loaded.ok:
        for error in loaded.errors:
            print(error, file=sys.stderr)
        return 1
    print(json.dumps(sheet_data(loaded.data, args[1]), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
