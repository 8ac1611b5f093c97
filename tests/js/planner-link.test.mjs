// The planner's plan link (overrides/assets/planner/link.js) under `node --test`: every malformed link
// the README's bad-input table lists, read without a DOM, as the browser reads it.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  LINK_MAX, MAIL_MAX, MAX_BLOCKS, MAX_TEXT, isDate, parse, readToken, serialise, share,
} from "../../overrides/assets/planner/link.js";

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const plain = (value) => JSON.parse(JSON.stringify(value));

test("Object.prototype has the names the browser tests feed in", () => {
  for (const name of ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf",
    "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__",
    "__lookupSetter__"]) assert.ok(NAMES.includes(name), name);
});

test("every name of Object.prototype is read as a block, a step and a title, and written back", () => {
  for (const name of NAMES) {
    const n = encodeURIComponent(name);
    const plan = parse(`?p=${n},kerngesprek.${n},vrij:10:${n}&titel=${n}&v=1`);
    assert.equal(plan.blocks.length, 3, name);
    assert.equal(plan.blocks[2].title, name);
    assert.equal(plan.titel, name);
    assert.equal(serialise(plan), `p=${n},kerngesprek.${n},vrij:10:${n}&titel=${n}&v=1`);
  }
});

test("a block named like Object.prototype is a guide name or unreadable, never a lookup, and kept", () => {
  for (const name of NAMES) {
    const plan = parse(`?p=${encodeURIComponent(name)},pauze:15&v=1`);
    const expected = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) ? "guide" : "bad";
    assert.equal(plan.blocks[0].kind, expected, name);
    assert.equal(plan.blocks[1].kind, "break", name);
    assert.equal(serialise(plan), `p=${encodeURIComponent(name)},pauze:15&v=1`, name);
  }
  const bad = parse("?p=__proto__&v=1");
  assert.deepEqual(plain(bad.problems), [{ key: "p", value: "__proto__" }]);
});

test("a key of the link named like Object.prototype is kept as another tool's part, not read as ours", () => {
  for (const name of NAMES) {
    const plan = parse(`?${name}=1&start=10:00`);
    assert.equal(Object.getPrototypeOf(plan.keys), null);
    assert.equal(plan.keys[name], true, name);
    assert.deepEqual(plan.extra, [`${name}=1`], name);
    assert.equal(plan.start, "10:00", name);
    assert.deepEqual(plan.problems, [], name);
    assert.equal(serialise(plan), `start=10:00&${name}=1&v=1`, name);
  }
});

test("a link with only ?start=10:00 reads as settings and no blocks, on a map without a prototype", () => {
  const plan = parse("?start=10:00");
  assert.equal(Object.getPrototypeOf(plan.keys), null);
  assert.deepEqual(Object.keys(plan.keys), ["start"]);
  assert.equal(plan.keys.constructor, undefined);
  assert.equal(plan.keys.p, undefined);
  assert.equal(plan.start, "10:00");
  assert.equal(plan.blocks.length, 0);
});

test("a plan takes at most 200 blocks and counts the rest (201 and 100 000)", () => {
  assert.equal(MAX_BLOCKS, 200);
  const some = parse("?p=" + Array(201).fill("pauze:1").join(",") + "&v=1");
  assert.equal(some.blocks.length, 200);
  assert.equal(some.dropped, 1);
  const many = parse("?p=" + Array(100000).fill("pauze:1").join(",") + "&v=1");
  assert.equal(many.blocks.length, 200);
  assert.equal(many.dropped, 99800);
  assert.equal(serialise(many).split(",").length, 200);
});

test("datum must be a real day between 1900 and 2999", () => {
  for (const day of ["2025-02-30", "2025-13-01", "0000-00-00", "2025-2-3", "99999-01-01", "1899-12-31", "2025-04-31", "3000-01-01"]) {
    const plan = parse(`?datum=${day}`);
    assert.equal(plan.datum, "", day);
    assert.deepEqual(plain(plan.problems), [{ key: "datum", value: day }], day);
  }
  for (const day of ["2028-02-29", "2026-12-31", "1900-01-01", "2999-12-31"]) assert.equal(parse(`?datum=${day}`).datum, day);
  assert.equal(isDate("2100-02-29"), false); // not a leap year
  assert.equal(isDate("2000-02-29"), true);
});

test("plaats and bedoeling that cannot be read are named; longer ones are cut at 120 and 300", () => {
  const bad = parse("?plaats=%E0%A4%A&bedoeling=%ZZ&start=09:00");
  assert.equal(bad.plaats, "");
  assert.equal(bad.bedoeling, "");
  assert.deepEqual(plain(bad.problems.map((p) => p.key)), ["plaats", "bedoeling"]);
  assert.equal(bad.start, "09:00");
  const long = parse(`?plaats=${"a".repeat(500)}&bedoeling=${"b+".repeat(400)}`);
  assert.equal(long.plaats.length, MAX_TEXT.plaats);
  assert.equal(long.plaats.length, 120);
  assert.equal(long.bedoeling, "b ".repeat(150));
  assert.deepEqual(long.problems, []);
});

test("bad start times and lengths are named and left out", () => {
  for (const start of ["24:00", "9:60", "12", "12:5", "-1:00", "ab:cd", "12:00:00"]) {
    const plan = parse(`?start=${start}`);
    assert.equal(plan.start, "", start);
    assert.deepEqual(plain(plan.problems.map((p) => p.key)), ["start"], start);
  }
  assert.equal(parse("?start=9.05").start, "09:05");
  assert.equal(parse("?start=13%3A30").start, "13:30");
  for (const doel of ["0", "1441", "abc", "12345"]) assert.equal(parse(`?doel=${doel}`).doel, null, doel);
  assert.equal(parse("?doel=1440").doel, 1440);
});

test("block minutes outside 1 to 600 make the block unreadable, kept as it came", () => {
  for (const raw of ["pauze:0", "pauze:601", "kerngesprek:999", "vrij:abc", "pauze:15:x", "a.b.c", "Kerngesprek"]) {
    assert.equal(readToken(raw).kind, "bad", raw);
  }
  assert.deepEqual(readToken("kerngesprek.rondes:600"), { kind: "step", guide: "kerngesprek", step: "rondes", minutes: 600 });
  assert.deepEqual(readToken("pauze"), { kind: "break", minutes: 15 });
  assert.deepEqual(readToken("vrij"), { kind: "free", minutes: 30, title: "" });
  const plan = parse("?p=pauze:601,<b>x</b>&v=1");
  assert.deepEqual(plain(plan.problems.map((p) => p.value)), ["pauze:601", "<b>x</b>"]);
  assert.equal(serialise(plan), "p=pauze:601,%3Cb%3Ex%3C%2Fb%3E&v=1");
});

test("a free block's title and the text fields survive the round trip with only link-safe characters", () => {
  const plan = parse("?v=1");
  plan.blocks = [{ kind: "free", minutes: 20, title: "Koffie & thee (of 'n kop soep)!" }];
  plan.titel = "Overleg: geld, tijd & ruimte.";
  plan.notitie = "Regel 1\nRegel 2 <script>";
  const query = serialise(plan);
  assert.match(query, /^[A-Za-z0-9\-._~%+:,=&]*$/);
  assert.match(query, /&v=1$/);
  const back = parse("?" + query);
  assert.equal(back.blocks[0].title, "Koffie & thee (of 'n kop soep)!");
  assert.equal(back.titel, plan.titel);
  assert.equal(back.notitie, plan.notitie);
});

test("a link whose separators a mail program encoded is read as the same plan", () => {
  const plan = parse("?p=kerngesprek%2Cpauze%3A15&v=1");
  assert.deepEqual(plan.blocks.map((b) => b.kind), ["guide", "break"]);
  assert.equal(plan.blocks[1].minutes, 15);
});

test("a newer version is kept for the notice; a bad version is named", () => {
  assert.equal(parse("?v=2").version, 2);
  assert.deepEqual(plain(parse("?v=x").problems.map((p) => p.key)), ["v"]);
  assert.equal(serialise(parse("")), "");
});

test("a share link over 2,000 characters as a mail link loses its mail button; over 7,000 it is said", () => {
  assert.equal(MAIL_MAX, 2000);
  assert.equal(LINK_MAX, 7000);
  const short = share("https://x.nl/plannen/?p=pauze:15&v=1", "Plan");
  assert.equal(short.mailHidden, false);
  assert.equal(short.warning, "");
  assert.match(short.mail, /^mailto:\?subject=Plan&body=https%3A%2F%2Fx\.nl/);
  const mailLong = share("https://x.nl/?" + "a".repeat(1990), "Plan");
  assert.equal(mailLong.mailHidden, true);
  assert.equal(mailLong.warning, "mail");
  const fits = share("https://x.nl/?" + "a".repeat(1950), "Plan");
  assert.ok(fits.mail.length <= MAIL_MAX && !fits.mailHidden, String(fits.mail.length));
  const serverLong = share("https://x.nl/?" + "a".repeat(7000), "Plan");
  assert.equal(serverLong.warning, "link");
  assert.equal(share("h".repeat(7000), "").warning, "mail"); // at 7,000 exactly: mail only
});
