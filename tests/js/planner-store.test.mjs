// The plan this browser keeps (overrides/assets/planner/store.js) under `node --test`: stored values
// that are not ours, a full or switched-off storage, someone else's link, a link with only settings,
// the earlier plans, a running meeting.
import assert from "node:assert/strict";
import { test } from "node:test";
import { RECENT, STORE, edited, opening, put, recentOf, resumable, stored } from "../../overrides/assets/planner/store.js";

function memory(items = {}) {
  const data = new Map(Object.entries(items));
  const area = { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)) };
  return () => area;
}
const off = () => { throw new Error("SecurityError: storage is switched off"); };
const full = () => ({ getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } });

test("a stored value that is not ours, or unreadable, or storage that is off, reads as no plan", () => {
  for (const text of ["{", "null", "[]", '"x"', '{"v":2,"query":"p=pauze"}', '{"query":"p=pauze"}', "42"]) {
    assert.equal(stored(memory({ [STORE]: text }), STORE), null, text);
  }
  assert.equal(stored(off, STORE), null);
  assert.deepEqual(stored(memory({ [STORE]: '{"v":1,"query":"p=pauze:15&v=1"}' }), STORE), { v: 1, query: "p=pauze:15&v=1" });
});

test("writing to a full or switched-off storage says so (false) instead of failing", () => {
  assert.equal(put(full, STORE, { v: 1, query: "" }), false);
  assert.equal(put(off, STORE, { v: 1, query: "" }), false);
  const area = memory();
  assert.equal(put(area, STORE, { v: 1, query: "p=pauze:15&v=1" }), true);
  assert.equal(stored(area, STORE).query, "p=pauze:15&v=1");
});

test("someone else's link opens and the reader's own plan joins the earlier plans", () => {
  const mine = { v: 1, query: "p=kerngesprek&v=1", recent: ["p=pauze:5&v=1"] };
  const o = opening("?p=over-geld&start=10:00&v=1", mine);
  assert.equal(o.replaced, true);
  assert.deepEqual(o.plan.blocks.map((b) => b.guide), ["over-geld"]);
  assert.deepEqual(o.record, { v: 1, query: "p=over-geld&start=10:00&v=1", recent: ["p=kerngesprek&v=1", "p=pauze:5&v=1"] });
  assert.equal(o.address, null);
  const same = opening("?p=kerngesprek&v=1", mine);
  assert.equal(same.replaced, false);
  assert.deepEqual(same.record.recent, ["p=pauze:5&v=1"]);
});

test("a link with only ?start=10:00 changes the kept plan's settings and keeps its blocks", () => {
  const mine = { v: 1, query: "p=kerngesprek,pauze:15&start=09:00&titel=Mijn+plan&v=1", recent: [] };
  const o = opening("?start=10:00", mine);
  assert.equal(o.replaced, false);
  assert.deepEqual(o.plan.blocks.map((b) => b.kind), ["guide", "break"]);
  assert.equal(o.plan.start, "10:00");
  assert.equal(o.plan.titel, "Mijn plan");
  assert.equal(o.record.query, "p=kerngesprek,pauze:15&start=10:00&titel=Mijn+plan&v=1");
  assert.equal(o.address, "?p=kerngesprek,pauze:15&start=10:00&titel=Mijn+plan&v=1");
  const bad = opening("?start=25:00", mine); // a bad start is named and left out; the blocks stay
  assert.equal(bad.plan.start, "");
  assert.equal(bad.plan.blocks.length, 2);
  assert.deepEqual(bad.plan.problems.map((p) => p.key), ["start"]);
  const none = opening("?start=10:00", null); // nothing kept: the settings alone
  assert.equal(none.plan.blocks.length, 0);
  assert.equal(none.record.query, "start=10:00&v=1");
});

test("without a link the kept plan opens and the address shows it", () => {
  const o = opening("", { v: 1, query: "p=pauze:15&v=1" });
  assert.equal(o.record, null);
  assert.equal(o.address, "?p=pauze:15&v=1");
  assert.equal(o.plan.blocks[0].minutes, 15);
  const empty = opening("?utm_source=mail", null);
  assert.equal(empty.address, null);
  assert.equal(empty.plan.blocks.length, 0);
});

test("earlier plans: newest first, no repeats, not the current one, at most 20, junk left out", () => {
  const record = { v: 1, query: "a", recent: ["b", "c", "b", 7, null, "", "a", { x: 1 }], previous: "d" };
  assert.deepEqual(recentOf(record, "a"), ["b", "c", "d"]);
  assert.deepEqual(recentOf({ v: 1, recent: "not a list" }, ""), []);
  assert.deepEqual(recentOf(null, "a"), []);
  const many = { v: 1, recent: Array.from({ length: 50 }, (_, i) => `q${i}`) };
  assert.equal(RECENT, 20);
  assert.deepEqual(recentOf(many, "q0"), Array.from({ length: 20 }, (_, i) => `q${i + 1}`));
  const after = edited({ v: 1, query: "b", recent: ["c", "new"], previous: "d" }, "new");
  assert.deepEqual(after, { v: 1, query: "new", recent: ["c", "d"] });
  assert.deepEqual(edited(null, "p=pauze:15&v=1"), { v: 1, query: "p=pauze:15&v=1", recent: [] });
});

test("a running meeting goes on after a reload for the same plan within 12 hours only", () => {
  const now = Date.UTC(2026, 11, 14, 12);
  const run = { v: 1, query: "p=pauze:15&v=1", index: 0, starts: [now - 3600000] };
  assert.equal(resumable(run, "p=pauze:15&v=1", now), run);
  assert.equal(resumable(run, "p=pauze:20&v=1", now), null);
  assert.equal(resumable({ ...run, starts: [now - 13 * 3600000] }, run.query, now), null);
  assert.equal(resumable({ v: 1, stopped: true }, run.query, now), null);
  assert.equal(resumable(null, run.query, now), null);
});
