// Pure logic of the worksheet answers under `node --test` (tests/test_browser_logic.py runs every
// tests/js/*.test.mjs in `make test`; the planner's are in planner-*.test.mjs): their normalising,
// fed every name of Object.prototype. The script is loaded as the browser loads it (a classic
// script), with a window and document that hold no page.
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

const answers = load("overrides/assets/worksheets/answers.js").__worksheetAnswers;

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
