// The worksheet answers as the browser keeps them (overrides/assets/worksheets/store.js, values.js,
// names.js), without a browser: `node --test tests/js/answers-store.test.mjs` (tests/test_browser_logic.py
// runs it in `make test`). Every malformed stored value and import of the README's bad-input table:
// names of Object.prototype, entries that are no entry, a full or switched-off storage, two tabs.
import assert from "node:assert/strict";
import { test } from "node:test";

import { copyName, fileBase, format, importName, slug } from "../../overrides/assets/worksheets/names.js";
import {
  FORMAT,
  KIND,
  PREFIX,
  clearAll,
  currentCopy,
  emptyCopy,
  exportBody,
  merge,
  migrate,
  openStorage,
  readEntry,
  readImport,
  uniqueName,
  writeEntry,
} from "../../overrides/assets/worksheets/store.js";
import { changedFields, fieldOf, normalise } from "../../overrides/assets/worksheets/values.js";

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const SHEET = "belangenkaart";
const KEY = PREFIX + SHEET;
const plain = (value) => JSON.parse(JSON.stringify(value)); // what storage would hold

/** A Storage as the browser has it: `full` refuses every setItem (QuotaExceededError), `off`
 *  throws on every read and write (storage switched off). */
class Memory {
  constructor(items = {}, { full = false, off = false } = {}) {
    this.items = new Map(Object.entries(items));
    this.full = full;
    this.off = off;
  }
  get length() {
    return this.items.size;
  }
  key(i) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key) {
    if (this.off) throw new DOMException("The operation is insecure.", "SecurityError");
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    if (this.off) throw new DOMException("The operation is insecure.", "SecurityError");
    if (this.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

const entry = (copies, extra = {}) => ({ format: FORMAT, sheet: SHEET, current: copies[0]?.name ?? "", copies, ...extra });
const copy = (name, answers = {}, kept = []) => ({ name, updated: null, answers, kept });
const stored = (value) => new Memory({ [KEY]: typeof value === "string" ? value : JSON.stringify(value) });
const aside = (store) => [...store.items.keys()].filter((key) => key.startsWith(KEY + ":unreadable:"));

const DATA = {
  sheet: SHEET,
  messages: { row: "row" },
  files: { pdf: "werkbladen/belangenkaart.pdf" },
  fields: [
    { id: "partner", type: "text", label: "Partner", pdf: "partner" },
    { id: "risico", type: "scale", label: "Risk", points: 5, pdf: "risico" },
    { id: "soorten", type: "checklist", label: "Kinds", pdf: "", items: [{ id: "geld", pdf: "soorten-geld" }, { id: "eer", pdf: "soorten-eer" }] },
    {
      id: "lijst",
      type: "table",
      label: "List",
      rows: 2,
      columns: [{ id: "belang" }, { id: "prio" }],
      pdf: [["lijst-r1-belang", "lijst-r1-prio"], ["lijst-r2-belang", "lijst-r2-prio"]],
    },
  ],
};

// --- names of Object.prototype ---------------------------------------------------------------

test("Object.prototype has the names these tests feed in", () => {
  for (const name of ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupSetter__"]) {
    assert.ok(NAMES.includes(name), name);
  }
});

test("answers stored under any name of Object.prototype are kept, not dropped or taken for a field", () => {
  // As storage holds them: JSON text, where '__proto__' is an own key like any other.
  const text = JSON.stringify(Object.fromEntries([["partner", "Gemeente"], ...NAMES.map((n) => [n, `under ${n}`])]));
  const split = normalise(JSON.parse(text), DATA);
  assert.deepEqual(plain(split.answers), { partner: "Gemeente" });
  for (const name of NAMES) assert.ok(split.kept.some((item) => item.where === name && item.text === `under ${name}`), name);
  for (const name of NAMES) assert.equal(fieldOf(DATA, name), "", name);
});

test("a copy, the current copy and a save named like any name of Object.prototype", () => {
  const text = JSON.stringify(entry([copy(""), ...NAMES.map((n) => copy(n, { partner: `of ${n}` }))]));
  for (const name of NAMES) {
    const read = readEntry(new Memory({ [KEY]: text }), SHEET);
    assert.equal(read.copies.length, NAMES.length + 1, name);
    read.current = name;
    assert.equal(currentCopy(read).answers.partner, `of ${name}`, name);
    merge(read, name, currentCopy(read), { partner: "new" }, ["partner"], "2026-12-07T06:00:00.000Z");
    assert.equal(read.copies.find((c) => c.name === name).answers.partner, "new", name);
    assert.equal(read.copies.filter((c) => c.answers.partner === "new").length, 1, name);
    assert.equal(uniqueName(read.copies.map((c) => c.name), name), `${name} (2)`);
    assert.equal(uniqueName([], name), name);
  }
});

test("an import named, for a sheet named or with answers named like Object.prototype is read as text", () => {
  for (const name of NAMES) {
    const body = { kind: KIND, format: 1, sheet: SHEET, name, answers: JSON.parse(`{"${name}": "x", "partner": "y"}`), kept: [] };
    const read = readImport(JSON.stringify(body), SHEET);
    assert.equal(read.name, name);
    assert.deepEqual(Object.keys(read.answers), [name, "partner"]);
    assert.deepEqual(readImport(JSON.stringify({ ...body, sheet: name }), SHEET), { problem: "other", sheet: name });
    assert.equal(importName(`${name}.json`, "belangenkaart-antwoorden", "{date}"), name);
    assert.equal(format(`{${name}} {date}`, { date: "d" }), `{${name}} d`, name);
  }
});

// --- a stored entry that is no entry -----------------------------------------------------------

test("a stored entry that is not JSON, null, an array, a number or text is set aside and the sheet starts afresh", () => {
  for (const raw of ["{not json", "null", "[]", "[{\"name\":\"\"}]", "42", '"text"', "true", ""]) {
    const store = stored(raw);
    const read = readEntry(store, SHEET, 1765087200000);
    assert.deepEqual(plain(read), { format: FORMAT, sheet: SHEET, current: "", copies: [emptyCopy("")] }, raw);
    assert.deepEqual(aside(store), [`${KEY}:unreadable:1765087200000`], raw);
    assert.equal(store.getItem(`${KEY}:unreadable:1765087200000`), raw, raw);
    assert.equal(store.getItem(KEY), raw, "the entry itself stays until something is saved");
  }
});

test("an entry of a newer format is set aside, one without or of an older format is read", () => {
  for (const format of [2, 99, "2"]) {
    const store = stored(entry([copy("", { partner: "P" })], { format }));
    assert.deepEqual(readEntry(store, SHEET, 5).copies, [emptyCopy("")], String(format));
    assert.equal(aside(store).length, 1, String(format));
  }
  for (const format of [undefined, 0, 1, "x", null]) {
    const store = stored(entry([copy("", { partner: "P" })], { format }));
    const read = readEntry(store, SHEET);
    assert.equal(read.format, FORMAT);
    assert.equal(read.copies[0].answers.partner, "P", String(format));
    assert.equal(aside(store).length, 0, String(format));
  }
});

test("copies that are not a list, or an empty one, set the entry aside", () => {
  for (const copies of [undefined, null, "copy", 3, {}, { 0: copy("") }, []]) {
    const store = stored({ format: 1, sheet: SHEET, current: "", copies });
    assert.deepEqual(readEntry(store, SHEET, 7).copies, [emptyCopy("")], JSON.stringify(copies));
    assert.deepEqual(aside(store), [`${KEY}:unreadable:7`], JSON.stringify(copies));
  }
});

test("another sheet's entry under this sheet's key is read as this sheet's", () => {
  const read = readEntry(stored({ ...entry([copy("", { partner: "P" })]), sheet: "draaiboek" }), SHEET);
  assert.equal(read.sheet, SHEET);
  assert.equal(read.copies[0].answers.partner, "P");
});

test("copies that are no object go; those left keep their answers; duplicate names get names of their own", () => {
  const read = migrate(entry([null, "text", 4, [copy("a")], copy("a", { partner: "1" }), copy("a", { partner: "2" }), copy("a (2)", { partner: "3" })]), SHEET);
  assert.deepEqual(read.copies.map((c) => c.name), ["a", "a (2)", "a (2) (2)"]);
  assert.deepEqual(read.copies.map((c) => c.answers.partner), ["1", "2", "3"]);
  assert.deepEqual(migrate(entry([null, 1, "x"]), SHEET).copies, [emptyCopy("")]);
  const names = migrate(entry([{ name: 5 }, { answers: {} }]), SHEET).copies.map((c) => c.name);
  assert.deepEqual(names, ["", " (2)"]); // no name: the unnamed copy, then one of its own
});

test("answers and kept of the wrong type lose nothing and break nothing", () => {
  const read = migrate(
    entry([
      { name: "", answers: "typed text", kept: "not a list", updated: 5 },
      { name: "b", answers: ["x", "y"], kept: [{ where: "Old", text: "kept" }, { text: 3 }, "loose", null, { where: 1, text: "t" }] },
      { name: "c", answers: null, kept: { where: "w", text: "t" } },
      { name: "d", answers: 42 },
    ]),
    SHEET,
  );
  const [a, b, c, d] = read.copies;
  assert.deepEqual(a, { name: "", updated: null, answers: {}, kept: [{ where: "", text: "typed text" }] });
  assert.deepEqual(b.answers, {});
  assert.deepEqual(b.kept, [{ where: "Old", text: "kept" }, { where: "", text: "text: 3" }, { where: "", text: "loose" }, { where: "", text: "t" }, { where: "", text: "x; y" }]);
  assert.deepEqual(c, { name: "c", updated: null, answers: {}, kept: [] });
  assert.deepEqual(d.kept, [{ where: "", text: "42" }]);
});

test("a current copy that is not text, or names no copy, shows the first copy", () => {
  for (const current of [undefined, null, 3, ["a"], "gone"]) {
    const read = migrate({ format: 1, copies: [copy("a", { partner: "A" }), copy("b")], current }, SHEET);
    assert.equal(typeof read.current, "string", "stored as text");
    assert.equal(currentCopy(read).answers.partner, "A", String(current));
    assert.equal(read.current, "a", String(current));
  }
});

test("answers stored in the wrong shape for their field are kept under 'No longer on this sheet'", () => {
  const split = normalise(
    {
      partner: ["a", "b"],
      risico: 9,
      soorten: ["geld", "weg"],
      lijst: [{ belang: "B", kolom: "K", prio: 3 }, "row", { belang: "C" }, { belang: "beyond" }],
    },
    DATA,
  );
  assert.deepEqual(plain(split.answers), { soorten: ["geld"], lijst: [{ belang: "B" }] });
  assert.deepEqual(split.kept, [
    { where: "Partner", text: "a; b" },
    { where: "Risk", text: "9" },
    { where: "Kinds", text: "weg" },
    { where: "List, row 1, kolom", text: "K" },
    { where: "List, row 1, prio", text: "3" },
    { where: "List, row 2", text: "row" },
    { where: "List, row 3, belang", text: "C" },
    { where: "List, row 4, belang", text: "beyond" },
  ]);
  assert.deepEqual(plain(normalise({ partner: 12, risico: "3", lijst: [] }, DATA).answers), { partner: "12", risico: 3 });
  assert.deepEqual(normalise("not answers", DATA), { answers: {}, kept: [] });
});

// --- imports -----------------------------------------------------------------------------------

test("an import that is not ours or is damaged is refused as broken; a newer one or another sheet's is said", () => {
  const good = { kind: KIND, format: 1, sheet: SHEET, name: " Regio Noord ", exported: "2026-12-01T10:00:00Z", answers: { partner: "P" }, kept: [{ where: "w", text: "t" }, { text: 1 }, "x", { text: "u" }] };
  for (const text of ["", "{", "null", "[]", "7", JSON.stringify({ ...good, kind: "something/else" }), JSON.stringify({ ...good, kind: undefined }), JSON.stringify({ ...good, answers: [] }), JSON.stringify({ ...good, answers: "P" }), JSON.stringify({ ...good, sheet: 3 })]) {
    assert.deepEqual(readImport(text, SHEET), { problem: "broken" }, text);
  }
  for (const format of [2, "1", undefined]) assert.deepEqual(readImport(JSON.stringify({ ...good, format }), SHEET), { problem: "newer" }, String(format));
  assert.deepEqual(readImport(JSON.stringify({ ...good, sheet: "draaiboek" }), SHEET), { problem: "other", sheet: "draaiboek" });
  assert.deepEqual(readImport(JSON.stringify(good), SHEET), { name: "Regio Noord", answers: { partner: "P" }, kept: [{ where: "w", text: "t" }, { where: "", text: "u" }], exported: "2026-12-01T10:00:00Z" });
  assert.equal(readImport(JSON.stringify({ ...good, name: 5, kept: "no" }), SHEET).name, "");
  assert.deepEqual(readImport(JSON.stringify({ ...good, kept: "no" }), SHEET).kept, []);
  const exported = exportBody(SHEET, 3, copy("x", {}, [{ where: "w", text: "t" }]), { partner: "P" }, "now");
  assert.deepEqual(readImport(JSON.stringify(exported), SHEET).answers, { partner: "P" }, "an export reads back");
});

test("an imported copy without a name is named by its file, else by the export's day and time", () => {
  const at = new Date(2026, 11, 7, 9, 5).toISOString();
  assert.equal(importName("Regio   Noord (2).json", "belangenkaart-antwoorden", "Imported {date}", at), "Regio Noord");
  assert.equal(importName("belangenkaart-antwoorden (1).json", "belangenkaart-antwoorden", "Imported {date}", at), "Imported 2026-12-07 09:05");
  assert.equal(importName("", "p", "Imported {date}", undefined, new Date(2025, 0, 2, 3, 4).getTime()), "Imported 2025-01-02 03:04");
  assert.equal(importName(".json", "p", "{date}", "no date", undefined, new Date(2024, 1, 29, 23, 59).getTime()), "2024-02-29 23:59");
  assert.equal(importName("x".repeat(200) + ".json", "p", "{date}").length, 80);
});

// --- a full or switched-off storage ------------------------------------------------------------

test("a full storage refuses the save: it is reported and what was kept stays as it was", () => {
  const before = JSON.stringify(entry([copy("", { partner: "kept" })]));
  const store = new Memory({ [KEY]: before }, { full: true });
  const read = readEntry(store, SHEET);
  assert.equal(read.copies[0].answers.partner, "kept", "what was saved is shown");
  merge(read, "", currentCopy(read), { partner: "typed" }, ["partner"], "t");
  assert.equal(writeEntry(store, read), false);
  assert.equal(store.getItem(KEY), before);
  const broken = new Memory({ [KEY]: "{broken" }, { full: true });
  assert.deepEqual(readEntry(broken, SHEET).copies, [emptyCopy("")], "no room to set it aside: no failure");
  assert.equal(broken.getItem(KEY), "{broken", "and the text stays where it was");
  const room = new Memory();
  assert.equal(writeEntry(room, read), true);
  assert.equal(JSON.parse(room.getItem(KEY)).copies[0].answers.partner, "typed");
});

test("a switched-off storage is no storage: the page fills, nothing is read or written", () => {
  assert.equal(openStorage(() => new Memory({}, { off: true })), null);
  assert.equal(
    openStorage(() => {
      throw new DOMException("denied", "SecurityError");
    }),
    null,
  );
  const memory = new Memory();
  assert.equal(openStorage(() => memory), memory);
  assert.deepEqual(readEntry(null, SHEET).copies, [emptyCopy("")]);
  assert.deepEqual(readEntry(new Memory({ [KEY]: "{}" }, { off: true }), SHEET).copies, [emptyCopy("")]);
  assert.equal(writeEntry(null, entry([copy("")])), false);
  assert.equal(writeEntry(new Memory({}, { off: true }), entry([copy("")])), false);
  assert.doesNotThrow(() => clearAll(null));
});

test("clearing everything removes every sheet's answers and what was set aside, nothing else", () => {
  const store = new Memory({ [KEY]: "{}", [`${PREFIX}draaiboek`]: "{}", [`${KEY}:unreadable:1`]: "x", "belangen-op-tafel:plan": "p", other: "o" });
  clearAll(store);
  assert.deepEqual([...store.items.keys()], ["belangen-op-tafel:plan", "other"]);
});

// --- two tabs ----------------------------------------------------------------------------------

/** One tab's save as the page does it: read what is stored, merge the changed fields, write. */
function saveTab(store, tab, answers) {
  const changed = changedFields(DATA, answers, tab.base);
  const mine = currentCopy(tab.entry);
  tab.entry = merge(readEntry(store, SHEET), mine.name, mine, answers, changed, "t");
  assert.ok(writeEntry(store, tab.entry));
  tab.base = { ...answers };
  return changed;
}

test("two tabs that change different fields keep both; the same field: the last save wins for it only", () => {
  const store = stored(entry([copy("", { partner: "P", risico: 2 })]));
  const a = { entry: readEntry(store, SHEET), base: { partner: "P", risico: 2 } };
  const b = { entry: readEntry(store, SHEET), base: { partner: "P", risico: 2 } };
  assert.deepEqual(saveTab(store, a, { partner: "A", risico: 2 }), ["partner"]);
  assert.deepEqual(saveTab(store, b, { partner: "P", risico: 4 }), ["risico"]);
  assert.deepEqual(JSON.parse(store.getItem(KEY)).copies[0].answers, { partner: "A", risico: 4 });
  saveTab(store, a, { partner: "A2", risico: 2, soorten: ["eer"] });
  saveTab(store, b, { partner: "B2", risico: 4 });
  assert.deepEqual(JSON.parse(store.getItem(KEY)).copies[0].answers, { partner: "B2", risico: 4, soorten: ["eer"] });
  saveTab(store, a, { risico: 2, soorten: ["eer"] }); // A empties partner
  assert.deepEqual(JSON.parse(store.getItem(KEY)).copies[0].answers, { risico: 4, soorten: ["eer"] });
});

test("a tab's copy that another tab removed comes back with this tab's save", () => {
  const store = stored(entry([copy(""), copy("Noord", { partner: "N" })], { current: "Noord" }));
  const a = { entry: readEntry(store, SHEET), base: { partner: "N" } };
  store.setItem(KEY, JSON.stringify(entry([copy("", { partner: "other tab" })])));
  saveTab(store, a, { partner: "N2" });
  const now = JSON.parse(store.getItem(KEY));
  assert.equal(now.current, "Noord");
  assert.deepEqual(now.copies.map((c) => [c.name, c.answers.partner]), [["", "other tab"], ["Noord", "N2"]]);
});

// --- names -------------------------------------------------------------------------------------

test("copy and file names: collapsed, cut to 80, slugged for files", () => {
  assert.equal(copyName("  Regio \n  Noord\t"), "Regio Noord");
  assert.equal(copyName("x".repeat(100)).length, 80);
  assert.equal(slug("Ĳsselstein: één café!"), "ijsselstein-een-cafe");
  assert.equal(fileBase("werkbladen/belangenkaart.pdf", "ingevuld", "Regio Noord"), "belangenkaart-ingevuld-regio-noord");
  assert.equal(fileBase("a/draaiboek.pdf", "antwoorden", ""), "draaiboek-antwoorden");
  assert.equal(fileBase("a/draaiboek.pdf", "antwoorden", "???"), "draaiboek-antwoorden");
});
