// What the filled-in PDF and DOCX get, planned without a browser or a PDF
// (overrides/assets/worksheets/entries.js, pages.js, names.js): `node --test tests/js/fill-plan.test.mjs`
// (tests/test_browser_logic.py runs it in `make test`).
import assert from "node:assert/strict";
import { test } from "node:test";

import { clean, entries, overflow } from "../../overrides/assets/worksheets/entries.js";
import { downloadName } from "../../overrides/assets/worksheets/names.js";
import { LINE, missingNote, paginate, rowParagraphs } from "../../overrides/assets/worksheets/pages.js";
import { MARK } from "../../overrides/assets/worksheets/wrap.js";

const DATA = {
  fields: [
    { id: "partner", type: "text", label: "Partner", pdf: "partner", docx: "partner" },
    { id: "risico", type: "scale", label: "Risk", points: 5, pdf: "risico", docx: ["risico-1", "risico-2", "risico-3", "risico-4", "risico-5"] },
    { id: "soorten", type: "checklist", label: "Kinds", items: [{ id: "geld", pdf: "soorten-geld", docx: "soorten-geld" }, { id: "eer", pdf: "soorten-eer", docx: "soorten-eer" }] },
    {
      id: "lijst",
      type: "table",
      label: "List",
      columns: [{ id: "belang", label: "Interest" }, { id: "prio", label: "Priority" }],
      pdf: [["lijst-r1-belang", "lijst-r1-prio"], ["lijst-r2-belang", "lijst-r2-prio"]],
      docx: [["lijst-r1-belang", "lijst-r1-prio"]],
    },
  ],
};

test("text for a file: new lines as \\n, no control characters, no half of a surrogate pair", () => {
  assert.equal(clean("a\r\nb\rc\u0000d\u001Fe\tf\uFFFF"), "a\nb\ncdeTf".replace("T", "\t"));
  assert.equal(clean("x\uD83Dy\uDE00z😀"), "xyz😀");
  assert.equal(clean(null), "");
});

test("answers become one entry per input of the PDF and of the DOCX", () => {
  const answers = { partner: "Gemeente\u0007", risico: 4, soorten: ["eer", "weg"], lijst: [{ belang: "Geld", prio: 3 }, {}, { belang: "Tijd" }], onbekend: "x" };
  assert.deepEqual(entries(DATA, answers, "pdf"), [
    { name: "partner", text: "Gemeente", label: "Partner" },
    { name: "risico", choice: "4" },
    { name: "soorten-eer", checked: true },
    { name: "lijst-r1-belang", text: "Geld", label: "Interest", cell: { table: "lijst", label: "List", row: 1, column: 0, columns: 2 } },
  ]);
  assert.deepEqual(entries(DATA, answers, "docx").slice(1, 2), [{ name: "risico-4", checked: true }]);
  assert.deepEqual(entries(DATA, { risico: 6, partner: "", soorten: "geld", lijst: "x" }, "docx"), []);
  assert.deepEqual(entries(DATA, { risico: 2.5 }, "pdf"), []);
});

test("table rows beyond the sheet's table are all kept, per column, for the continuation", () => {
  const answers = { lijst: [{ belang: "1" }, { belang: "2" }, { belang: "3", prio: "hoog" }, null, { prio: 5 }] };
  assert.deepEqual(overflow(DATA, answers, "pdf"), [
    {
      id: "lijst",
      label: "List",
      first: 3,
      last: ["lijst-r2-belang", "lijst-r2-prio"],
      rows: [
        [{ id: "belang", label: "Interest", text: "3" }, { id: "prio", label: "Priority", text: "hoog" }],
        [{ id: "belang", label: "Interest", text: "" }, { id: "prio", label: "Priority", text: "" }],
        [{ id: "belang", label: "Interest", text: "" }, { id: "prio", label: "Priority", text: "" }],
      ],
    },
  ]);
  assert.equal(overflow(DATA, answers, "docx")[0].first, 2);
  assert.deepEqual(overflow(DATA, { lijst: [{ belang: "1" }] }, "docx"), []);
});

test("a table row written out: number and column on the first line, further cells indented", () => {
  const cells = [{ label: "Interest", text: "Geld" }, undefined, { label: "Note", text: "" }, { label: "Priority", text: "hoog" }];
  assert.deepEqual(rowParagraphs(7, cells, []), [
    { text: "7. Interest: Geld", indent: 0, hang: 14, gap: 5, row: 7 },
    { text: "Priority: hoog", indent: 14, hang: 14, gap: 0, row: 7 },
  ]);
});

test("the note on characters the font lacks names them as code points, and where they were typed", () => {
  assert.equal(missingNote("{mark} = {chars} in {fields}", ["😀", "漢"], ["Partner", "List, row 2"]), `${MARK} = U+1F600, U+6F22 in Partner; List, row 2`);
  assert.equal(missingNote("", ["e\u0301"], ["P"]), `${MARK}: U+0065 U+0301 (P)`);
});

test("continuation lines fill a page, a block that fits a page of its own starts one, no gap at a page's top", () => {
  const line = (block, gap = 0, size = 10) => ({ block, gap, size });
  const h = 10 * LINE; // 13.5
  // a page of 100 points holds 7 lines of 13.5
  const pages = paginate([line(1), line(1, 3), line(2, 8), line(2), line(2), line(2), line(3, 8), line(3), line(3)], 100, 0);
  assert.deepEqual(pages.map((page) => page.map((p) => p.line.block)), [[1, 1, 2, 2, 2, 2], [3, 3, 3]]);
  assert.deepEqual(pages[0].map((p) => p.y), [100 - h, 100 - 2 * h - 3, 100 - 3 * h - 11, 100 - 4 * h - 11, 100 - 5 * h - 11, 100 - 6 * h - 11]);
  assert.equal(pages[1][0].y, 100 - h, "the gap above a block's first line is left out at the top of a page");
  // a block whose first line would fit, but not the whole block, starts the next page
  const kept = paginate([line(1), line(1), line(2), line(2), line(2), line(3), line(3), line(3)], 100, 0);
  assert.deepEqual(kept.map((page) => page.map((p) => p.line.block)), [[1, 1, 2, 2, 2], [3, 3, 3]]);
  // a block longer than a page starts where it is and runs on
  const long = paginate([line(1), ...Array.from({ length: 10 }, () => line(2))], 100, 0);
  assert.deepEqual(long.map((page) => page.length), [7, 4]);
  assert.deepEqual(paginate([], 100, 0), []);
});

test("a filled-in file's download name: the given one, else the sheet's file name and 'filled'", () => {
  assert.equal(downloadName("werkbladen/draaiboek.pdf", "pdf", "ingevuld"), "draaiboek-ingevuld.pdf");
  assert.equal(downloadName("werkbladen/draaiboek.docx", "docx", "filled", "draaiboek-filled-noord"), "draaiboek-filled-noord.docx");
});
