// The site's prototype-free lookups (overrides/assets/site/dict.js), which every feature uses for
// keys that come from a link, a file or this browser's storage.
import assert from "node:assert/strict";
import { test } from "node:test";
import { has, map, own } from "../../overrides/assets/site/dict.js";

const NAMES = Object.getOwnPropertyNames(Object.prototype);

test("a map holds nothing it was not given, under every name of Object.prototype", () => {
  const m = map();
  assert.equal(Object.getPrototypeOf(m), null);
  for (const name of NAMES) assert.equal(m[name], undefined, name);
  for (const name of NAMES) m[name] = `value of ${name}`;
  for (const name of NAMES) assert.equal(m[name], `value of ${name}`, name);
  assert.deepEqual(Object.keys(m).sort(), [...NAMES].sort());
});

test("own() and has() see only what an object holds itself", () => {
  const plain = { kerngesprek: 1 };
  for (const name of NAMES) {
    assert.equal(own(plain, name), undefined, name);
    assert.equal(has(plain, name), false, name);
  }
  assert.equal(own(plain, "kerngesprek"), 1);
  assert.equal(has(plain, "kerngesprek"), true);
  // As JSON from storage or an imported file gives them: '__proto__' is a key like any other.
  const parsed = JSON.parse('{"__proto__": "a", "constructor": "b"}');
  assert.equal(own(parsed, "__proto__"), "a");
  assert.equal(own(parsed, "constructor"), "b");
  assert.equal(has(parsed, "toString"), false);
});

test("own() and has() take no object at all", () => {
  for (const nothing of [null, undefined]) {
    assert.equal(own(nothing, "x"), undefined);
    assert.equal(has(nothing, "x"), false);
  }
  assert.equal(own(map(), "x"), undefined);
  assert.equal(own("tekst", "length"), 5);
});
