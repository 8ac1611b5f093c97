// The planner's model and clock arithmetic (overrides/assets/planner/time.js) under `node --test`:
// clock times past midnight, the 600-minute cap of a block, bad start times, over or left against
// the target and what the guides say can be shortened, the run countdown.
import assert from "node:assert/strict";
import { test } from "node:test";
import { map } from "../../overrides/assets/site/dict.js";
import { parse, MAX_MIN } from "../../overrides/assets/planner/link.js";
import {
  against, clock, distribute, duration, fmt, longDate, remaining, runState, segments, shortenings, total, view, views,
} from "../../overrides/assets/planner/time.js";

const T = { min: "min", hours: "{h} uur", hoursMinutes: "{h} uur {m} min", breakTitle: "Pauze", freeTitle: "Vrij blok" };
const STEPS = [
  { id: "opening", title: "Opening", minutes: 10, goal: "g1" },
  { id: "rondes", title: "Rondes", minutes: 40, goal: "g2", shorter: { minutes: 25, how: "Eén ronde minder." } },
  { id: "afsluiting", title: "Afsluiting", minutes: 10, goal: "g3", shorter: { minutes: 5, how: "Alleen afspraken." } },
];
function guides() {
  const g = map();
  g.kerngesprek = { slug: "kerngesprek", title: "Kerngesprek", duration: 60, path: "gesprekken/kerngesprek/", goal: "G", steps: STEPS };
  return g;
}
const plan = (query) => views(parse(query).blocks, guides(), T);

test("clock times run on past midnight and round the day", () => {
  assert.equal(clock("23:30", 45), "00:15");
  assert.equal(clock("22:00", 180), "01:00");
  assert.equal(clock("00:00", 1440), "00:00");
  assert.equal(clock("13:30", 0), "13:30");
  assert.equal(clock("09:05", 600), "19:05");
  const vs = plan("?p=pauze:600,pauze:120&start=20:00");
  assert.equal(clock("20:00", vs[1].from), "06:00");
  assert.equal(clock("20:00", vs[1].from + vs[1].minutes), "08:00");
});

test("without a start time the clock counts from zero", () => {
  assert.equal(clock("", 0), "+0:00");
  assert.equal(clock("", 65), "+1:05");
  assert.equal(clock("", 725), "+12:05");
});

test("a bad start time leaves the plan without one: times count from zero", () => {
  for (const start of ["25:00", "7", "12:75", "%3C"]) {
    const p = parse(`?p=pauze:30&start=${start}`);
    assert.equal(p.start, "", start);
    assert.equal(clock(p.start, 30), "+0:30", start);
  }
});

test("a block takes at most 600 minutes; a longer one is unreadable and counts nothing", () => {
  assert.equal(MAX_MIN, 600);
  const vs = plan("?p=pauze:600,pauze:601,kerngesprek:700,kerngesprek.rondes:600");
  assert.deepEqual(vs.map((v) => v.minutes), [600, 0, 0, 600]);
  assert.deepEqual(vs.map((v) => !!v.missing), [false, true, true, false]);
  assert.equal(total(vs), 1200);
  assert.equal(vs[3].from, 600);
});

test("a guide with fewer minutes takes them first from the steps that can be shorter, then in proportion", () => {
  assert.deepEqual(distribute(STEPS, 60), [10, 40, 10]);
  assert.deepEqual(distribute(STEPS, 45), [10, 25, 10]);
  assert.deepEqual(distribute(STEPS, 40), [10, 25, 5]);
  const small = distribute(STEPS, 20);
  assert.equal(small.reduce((a, b) => a + b, 0), 20);
  assert.deepEqual(small, [5, 13, 2]); // 5, 12.5, 2.5: the tie goes to the earlier step
  const big = distribute(STEPS, 90);
  assert.equal(big.reduce((a, b) => a + b, 0), 90);
  assert.deepEqual(big, [15, 60, 15]);
});

test("a guide's segments carry their minutes and start offsets in the plan", () => {
  const vs = plan("?p=pauze:15,kerngesprek:45,vrij:10:Koffie&start=13:00");
  assert.deepEqual(vs.map((v) => v.from), [0, 15, 60]);
  assert.deepEqual(vs[1].segments.map((s) => [s.from, s.minutes]), [[15, 10], [25, 25], [50, 10]]);
  assert.equal(vs[2].title, "Koffie");
  assert.equal(vs[0].title, "Pauze");
  assert.equal(total(vs), 70);
});

test("blocks named like Object.prototype are missing guides, never a lookup of the prototype", () => {
  // Guides in a plain object too: only the guides' own names are found.
  const plainGuides = { kerngesprek: guides().kerngesprek };
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    const blocks = parse(`?p=${encodeURIComponent(name)},kerngesprek.${encodeURIComponent(name)}`).blocks;
    const [guide, step] = views(blocks, plainGuides, T);
    assert.equal(guide.missing, true, name);
    assert.equal(guide.minutes, 0, name);
    assert.equal(step.missing, true, name);
    assert.equal(step.minutes, 0, name);
  }
});

test("over or left against the target, and what the guides say can be shortened", () => {
  const vs = plan("?p=kerngesprek,kerngesprek.rondes,pauze:15&doel=100");
  const sum = total(vs);
  assert.equal(sum, 115);
  assert.equal(against(sum, 100), 15);
  assert.equal(against(sum, 130), -15);
  assert.equal(against(sum, 115), 0);
  assert.equal(against(sum, null), 0);
  const cuts = shortenings(vs);
  assert.deepEqual(cuts.items.map((c) => [c.where, c.minutes, c.shorter]), [
    ["Kerngesprek › Rondes", 40, 25],
    ["Kerngesprek › Afsluiting", 10, 5],
    ["Rondes (Kerngesprek)", 40, 25],
  ]);
  assert.equal(cuts.saved, 35);
  assert.deepEqual(shortenings(plan("?p=kerngesprek:40")).items, []); // already at its shorter times
});

test("durations and messages in the planner's words; {keys} of Object.prototype stay as they are", () => {
  assert.equal(duration(45, T), "45 min");
  assert.equal(duration(60, T), "1 uur");
  assert.equal(duration(135, T), "2 uur 15 min");
  assert.equal(fmt("{n} van {max}", { n: 3, max: 200 }), "3 van 200");
  assert.equal(fmt("{constructor} {toString} {x}", {}), "{constructor} {toString} {x}");
});

test("run mode counts down, then up when a part runs over, and says how it stands", () => {
  assert.equal(remaining(5 * 60000), "5:00");
  assert.equal(remaining(61500), "1:02");
  assert.equal(remaining(-30000), "+0:30");
  assert.equal(runState(600000, 600000), "ok");
  assert.equal(runState(120000, 600000), "low");
  assert.equal(runState(30000, 600000), "last");
  assert.equal(runState(-1, 600000), "over");
  const parts = segments(plan("?p=kerngesprek,nergens,pauze:15"));
  assert.deepEqual(parts.map((s) => [s.title, s.minutes, s.from]), [
    ["Opening", 10, "Kerngesprek"], ["Rondes", 40, "Kerngesprek"], ["Afsluiting", 10, "Kerngesprek"], ["Pauze", 15, ""],
  ]);
});

test("a date is written out as a calendar day in the page's language, and left as it is when it is no day", () => {
  assert.equal(longDate("2026-12-14", "nl"), "maandag 14 december 2026");
  assert.equal(longDate("2026-12-14", "en"), "Monday 14 December 2026");
  assert.equal(longDate("2025-02-30", "nl"), "2025-02-30");
  assert.equal(longDate("", "nl"), "");
});
