// Line breaking of the filled-in PDF (overrides/assets/worksheets/wrap.js), without a browser:
// `node --test tests/js/wrap.test.mjs` (tests/test_browser_logic.py runs every tests/js/*.test.mjs in `make test`).
import assert from "node:assert/strict";
import test from "node:test";

import { ELLIPSIS, MARK, fit, prepare, restOf, textOf, wrap } from "../../overrides/assets/worksheets/wrap.js";

// A font where every Latin letter, space and mark is 500 units wide (so 2 letters per 1000) and
// CJK and emoji are missing.
const advance = (char) => (/[\p{Script=Latin}\p{P}\d ‹›?…]/u.test(char) ? 500 : undefined);
const lines = (text, max) => {
  const prepared = prepare(text, advance);
  return wrap(prepared, max).map(([s, e]) => textOf(prepared, s, e));
};

test("words wrap at spaces and a line holds exactly what fits", () => {
  // "aaaa bbbb" is 9 pieces = 4500 units: fits exactly in 4500, not in 4499.
  assert.deepEqual(lines("aaaa bbbb", 4500), ["aaaa bbbb"]);
  assert.deepEqual(lines("aaaa bbbb", 4499), ["aaaa", "bbbb"]);
  assert.deepEqual(lines("aa bb cc dd", 2499), ["aa", "bb", "cc", "dd"]);
  assert.deepEqual(lines("aa bb cc dd", 4000), ["aa bb cc", "dd"]);
  assert.deepEqual(lines("aa bb cc dd", 3999), ["aa bb", "cc dd"]);
});

test("empty text, spaces only and new lines give the lines a reader typed", () => {
  assert.deepEqual(lines("", 1000), [""]);
  assert.deepEqual(lines("   ", 1000), [""]);
  assert.deepEqual(lines("januari.\nNadeel", 100000), ["januari.", "Nadeel"]);
  assert.deepEqual(lines("a\r\n\nb\n", 100000), ["a", "", "b", ""]);
  assert.deepEqual(lines("a   b", 100000), ["a   b"]);
});

test("a word longer than a line is cut where the line is full", () => {
  assert.deepEqual(lines("abcdefghij", 2000), ["abcd", "efgh", "ij"]);
  assert.deepEqual(lines("xy abcdefghij z", 2000), ["xy", "abcd", "efgh", "ij z"]);
  // a line narrower than one letter still takes one letter per line, and ends
  assert.deepEqual(lines("abc", 10), ["a", "b", "c"]);
});

test("a 6,000-letter word and 3,000 CJK characters wrap into full lines, nothing lost", () => {
  const word = "x".repeat(6000);
  const got = lines(word, 50000); // 100 letters per line
  assert.equal(got.length, 60);
  assert.ok(got.every((line) => line === "x".repeat(100)));
  const cjk = prepare("漢".repeat(3000), advance);
  assert.deepEqual(cjk.missing, ["漢"]);
  const wrapped = wrap(cjk, 15000); // 10 markers of 3 pieces' width per line
  assert.equal(wrapped.length, 300);
  assert.equal(wrapped.map(([s, e]) => textOf(cjk, s, e)).join(""), MARK.repeat(3000));
});

test("a character the font lacks becomes one visible marker, never cut, and is named", () => {
  const prepared = prepare("ok 😀 e\u0301 👩‍💻", advance);
  assert.deepEqual(prepared.missing, ["😀", "👩‍💻"]);
  // é typed as e + combining accent is composed first, so the font's é prints
  assert.equal(textOf(prepared, 0, prepared.pieces.length), `ok ${MARK} é ${MARK}`);
  // the marker is wider than the line: it takes a line of its own, whole
  assert.deepEqual(
    wrap(prepared, 1000).map(([s, e]) => textOf(prepared, s, e)),
    ["ok", MARK, "é", MARK],
  );
});

test("fit keeps the largest size that holds the text", () => {
  const prepared = prepare("aaaa bbbb cccc", advance);
  // at 10 pt a line of 20 pt holds 4 letters: 3 lines; at 9 pt 4.44 letters, still 3 lines
  const box = fit(prepared, { sizes: [10, 9.5, 9], width: 20, lines: (size) => (size <= 9.5 ? 3 : 2) });
  assert.equal(box.size, 9.5);
  assert.equal(box.rest, null);
  assert.equal(box.lines.length, 3);
});

test("fit hands on what does not fit, from where the shown text ends", () => {
  const text = "aa bb cc dd ee ff";
  const prepared = prepare(text, advance);
  // it fits at no size: shown at the largest, 6 letters a line: 'cc dd' and '…' fit, the rest
  // starts at the next line
  let box = fit(prepared, { sizes: [10, 9], width: 30, lines: () => 2 });
  assert.equal(box.size, 10);
  assert.equal(box.ellipsis, true);
  assert.deepEqual(box.lines.map(([s, e]) => textOf(prepared, s, e)), ["aa bb", "cc dd"]);
  assert.equal(restOf(prepared, box.rest), "ee ff");
  // 5 letters a line: 'cc dd' fills it, so '…' takes the place of ' dd' (cut at the space)
  box = fit(prepared, { sizes: [10], width: 25, lines: () => 2 });
  const shown = box.lines.map(([s, e]) => textOf(prepared, s, e));
  assert.deepEqual(shown, ["aa bb", "cc"]);
  assert.equal(restOf(prepared, box.rest), "dd ee ff");
  assert.equal(shown.join(" ") + " " + restOf(prepared, box.rest), text);
  assert.equal(ELLIPSIS, "…");
});

test("fit of a long word cuts it inside and goes on where it stopped", () => {
  const word = "abcdefghijklmnopqrstuvwxyz";
  const prepared = prepare(word, advance);
  const box = fit(prepared, { sizes: [10], width: 30, lines: () => 1 }); // 6 letters, 5 with '…'
  assert.deepEqual(box.lines.map(([s, e]) => textOf(prepared, s, e)), ["abcde"]);
  assert.equal(restOf(prepared, box.rest), word.slice(5));
});

test("fit with an empty answer gives one empty line", () => {
  const prepared = prepare("", advance);
  assert.deepEqual(fit(prepared, { sizes: [10, 9], width: 30, lines: () => 1 }), {
    size: 10,
    lines: [[0, 0]],
    rest: null,
    ellipsis: false,
  });
});
