// Pure logic of the browser scripts, run with `node --test` (tests/test_browser_logic.py runs it in
// `make test`): the planner's link codec and the worksheet answers' normalising, fed every name of
// Object.prototype, huge plans and dates that are no day. Each script is loaded as the browser
// loads it (a classic script), with a window and document that hold no page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const ROOT = new URL("../../", import.meta.url);
const NAMES = Object.getOwnPropertyNames(Object.prototype);

function load(path) {
  const document = { currentScript: null, querySelector: () => null, querySelectorAll: () => [], addEventListener() {} };
  const window = { document, location: { href: "http://localhost/" }, addEventListener() {}, document$: { subscribe() {} } };
  window.window = window;
  const context = vm.createContext({ window, document, URL, console });
  vm.runInContext(readFileSync(new URL(path, ROOT), "utf8"), context, { filename: path });
  return window;
}

const planner = load("overrides/assets/planner/planner.js").BelangenPlanner;
const answers = load("overrides/assets/worksheets/answers.js").__worksheetAnswers;

test("Object.prototype has the names the browser tests feed in", () => {
  for (const name of ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf",
    "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__",
    "__lookupSetter__"]) assert.ok(NAMES.includes(name), name);
});

test("every name of Object.prototype is read as a block, a step and a title, and written back", () => {
  for (const name of NAMES) {
    const n = encodeURIComponent(name);
    const plan = planner.parse(`?p=${n},kerngesprek.${n},vrij:10:${n}&titel=${n}&v=1`);
    assert.equal(plan.blocks.length, 3, name);
    assert.equal(plan.blocks[2].title, name);
    assert.equal(plan.titel, name);
    assert.equal(planner.serialise(plan), `p=${n},kerngesprek.${n},vrij:10:${n}&titel=${n}&v=1`);
  }
});

test("a link keeps the keys it had, on a map without a prototype", () => {
  const plan = planner.parse("?start=10:00");
  assert.equal(Object.getPrototypeOf(plan.keys), null);
  assert.deepEqual(Object.keys(plan.keys), ["start"]);
  assert.equal(plan.keys.constructor, undefined);
  assert.equal(plan.start, "10:00");
  assert.equal(plan.blocks.length, 0);
});

test("a plan takes at most 200 blocks and counts the rest", () => {
  const plan = planner.parse("?p=" + Array(100000).fill("pauze:1").join(",") + "&v=1");
  assert.equal(plan.blocks.length, 200);
  assert.equal(plan.dropped, 99800);
});

test("datum must be a real day", () => {
  for (const day of ["2025-02-30", "2025-13-01", "0000-00-00", "2025-2-3", "99999-01-01", "1899-12-31"]) {
    const plan = planner.parse(`?datum=${day}`);
    assert.equal(plan.datum, "", day);
    assert.deepEqual(JSON.parse(JSON.stringify(plan.problems.map((p) => p.key))), ["datum"], day);
  }
  for (const day of ["2028-02-29", "2026-12-31", "1900-01-01"]) assert.equal(planner.parse(`?datum=${day}`).datum, day);
});

test("answers stored under any name of Object.prototype are kept, not dropped or taken for a field", () => {
  const data = {
    messages: { row: "row" },
    fields: [{ id: "partner", type: "text", label: "Partner", pdf: "partner" }],
  };
  // As storage holds them: JSON text, where '__proto__' is an own key like any other.
  const text = JSON.stringify(Object.fromEntries([["partner", "Gemeente"], ...NAMES.map((n) => [n, `under ${n}`])]));
  const split = answers.normalise(JSON.parse(text), data);
  assert.deepEqual(JSON.parse(JSON.stringify(split.answers)), { partner: "Gemeente" });
  const kept = split.kept.map((item) => item.text);
  for (const name of NAMES) assert.ok(kept.includes(`under ${name}`), name);
});
