/* The plan link of the planner (version 1; every value is text, never HTML). Pure: no DOM, so it
 * runs under `node --test` (tests/js/planner-link.test.mjs) as in the browser.
 *   ?p=kerngesprek.rondes,pauze:15,vrij:30:Koffie+en+thee,over-geld:80&start=13:30&doel=150
 *    &datum=2025-03-12&titel=…&plaats=…&bedoeling=…&notitie=…&v=1
 *   p      blocks, comma-separated: <guide> (the whole guide), <guide>.<step id>, pauze, vrij;
 *          ':<minutes>' when not the guide's own; a free block's title after a second ':'
 *   plaats where the meeting is, bedoeling what it is for: text for the printed agenda, cut at
 *          MAX_TEXT characters (both are newer than v=1's first links, which open as before)
 *   text   percent-encoded, '+' for a space; only letters, digits and - . _ ~ % + : , = & remain,
 *          and the link ends in v=1, so no mail program cuts a trailing dot or bracket off it
 * A block the guides no longer have, or a part that cannot be read, is shown by name and kept in
 * the link until the reader removes it; a bad start time or length is named and left out. */
import { map } from "../site/dict.js";

export const VERSION = 1;
export const MAX_MIN = 600; // minutes of one block
export const MAX_TEXT = { plaats: 120, bedoeling: 300 }; // the place and purpose on the printed agenda
// At most MAX_BLOCKS blocks (a link with 100 000 froze the tab for a minute); a link is said to be
// too long for a mail program above MAIL_MAX characters and for web servers above LINK_MAX (nginx
// answers 414 from 8 kB).
export const MAX_BLOCKS = 200;
export const MAIL_MAX = 2000;
export const LINK_MAX = 7000;
// The settings a link can carry besides its blocks; a link with any of them is a plan link.
export const SETTINGS = ["start", "doel", "datum", "titel", "plaats", "bedoeling", "notitie"];
export const LINKED = /[?&](p|start|doel|datum|titel|plaats|bedoeling|notitie)=/;
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

let uid = 0;
/** A number no block of this page has yet (the editor finds a block's row by it). */
export function nextUid() {
  return ++uid;
}

export function enc(text) {
  return encodeURIComponent(text).replace(/[!'()*~]/g, function (c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  }).replace(/%20/g, "+");
}

export function dec(text) { return decodeURIComponent(text.replace(/\+/g, " ")); }

/** A part of the link as the reader should see it: decoded when it can be. */
export function shown(raw) {
  try { return dec(raw); } catch (e) { return raw; }
}

/* A part we could not read goes back into the link as it came, with only link-safe characters. */
export function safe(raw) {
  return raw.replace(/[^A-Za-z0-9\-._~%+:=]/g, function (c) { return encodeURIComponent(c); });
}

/** Two digits: 9 -> "09". */
export function pad(n) { return (n < 10 ? "0" : "") + n; }

/** One block of `p=`: {kind: guide|step|break|free|bad, …}. */
export function readToken(raw) {
  var parts = raw.split(":"), head = parts[0], minutes = null;
  function bad() { return { kind: "bad", raw: raw }; }
  if (parts.length > 1) {
    if (!/^\d{1,3}$/.test(parts[1]) || +parts[1] < 1 || +parts[1] > MAX_MIN) return bad();
    minutes = +parts[1];
  }
  if (head === "pauze") return parts.length > 2 ? bad() : { kind: "break", minutes: minutes || 15 };
  if (head === "vrij") {
    var title = "";
    if (parts.length > 2) {
      try { title = dec(parts.slice(2).join(":")); } catch (e) { return bad(); }
    }
    return { kind: "free", minutes: minutes || 30, title: title };
  }
  var names = head.split(".");
  if (parts.length > 2 || names.length > 2 || !names.every(function (n) { return NAME.test(n); })) return bad();
  return names.length === 2
    ? { kind: "step", guide: names[0], step: names[1], minutes: minutes }
    : { kind: "guide", guide: head, minutes: minutes };
}

/** The plan of a link's query: blocks, settings, what could not be read (`problems`, shown by key),
 * parts of other tools (`extra`, kept), the blocks over MAX_BLOCKS (`dropped`), the keys it had. */
export function parse(search) {
  var out = { blocks: [], start: "", doel: null, datum: "", titel: "", plaats: "", bedoeling: "", notitie: "", extra: [], problems: [], version: VERSION, dropped: 0, keys: map() };
  function problem(key, value) { out.problems.push({ key: key, value: shown(value) }); }
  search.replace(/^\?/, "").split("&").forEach(function (pair) {
    if (!pair) return;
    var at = pair.indexOf("="), key = at < 0 ? pair : pair.slice(0, at), value = at < 0 ? "" : pair.slice(at + 1), m;
    out.keys[key] = true;
    if (key === "p") {
      // A mail program that encoded our separators: decode once, then read.
      if (!/[,:]/.test(value) && /%2C|%3A/i.test(value)) {
        try { value = decodeURIComponent(value); } catch (e) { /* read it as it is */ }
      }
      value.split(",").forEach(function (raw) {
        if (!raw) return;
        if (out.blocks.length >= MAX_BLOCKS) { out.dropped += 1; return; }
        var block = readToken(raw);
        block.uid = nextUid();
        if (block.kind === "bad") problem("p", raw);
        out.blocks.push(block);
      });
    } else if (key === "v") {
      if (/^\d{1,3}$/.test(value)) out.version = +value;
      else problem("v", value);
    } else if (key === "start") {
      m = value.replace(/%3A/i, ":").match(/^([01]?\d|2[0-3])[:.]([0-5]\d)$/);
      if (m) out.start = pad(+m[1]) + ":" + m[2];
      else problem("start", value);
    } else if (key === "doel") {
      if (/^\d{1,4}$/.test(value) && +value >= 1 && +value <= 1440) out.doel = +value;
      else problem("doel", value);
    } else if (key === "datum") {
      if (isDate(value)) out.datum = value;
      else problem("datum", value);
    } else if (key === "titel" || key === "notitie") {
      try { out[key] = dec(value); } catch (e) { problem(key, value); }
    } else if (key === "plaats" || key === "bedoeling") {
      try { out[key] = dec(value).slice(0, MAX_TEXT[key]); } catch (e) { problem(key, value); }
    } else {
      out.extra.push(safe(pair));
    }
  });
  return out;
}

/* A real day (no 2025-02-30), between the years 1900 and 2999. */
export function isDate(text) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text), day = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return !!m && +m[1] >= 1900 && +m[1] <= 2999 && day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3];
}

export function token(b) {
  var m = b.minutes !== null && b.minutes !== undefined ? ":" + b.minutes : "";
  if (b.kind === "guide") return b.guide + m;
  if (b.kind === "step") return b.guide + "." + b.step + m;
  if (b.kind === "break") return "pauze:" + b.minutes;
  if (b.kind === "free") return "vrij:" + b.minutes + (b.title ? ":" + enc(b.title) : "");
  return safe(b.raw);
}

/** The query of a plan (without '?'): what parse() reads back as the same plan. */
export function serialise(p) {
  var q = [];
  if (p.blocks.length) q.push("p=" + p.blocks.map(token).join(","));
  if (p.start) q.push("start=" + p.start);
  if (p.doel) q.push("doel=" + p.doel);
  if (p.datum) q.push("datum=" + p.datum);
  if (p.titel) q.push("titel=" + enc(p.titel));
  if (p.plaats) q.push("plaats=" + enc(p.plaats));
  if (p.bedoeling) q.push("bedoeling=" + enc(p.bedoeling));
  if (p.notitie) q.push("notitie=" + enc(p.notitie));
  q = q.concat(p.extra);
  if (q.length) q.push("v=" + VERSION);
  return q.join("&");
}

/** How a share link fares: its mail link (mailto: with the subject and the link as body), whether
 * that is too long for a mail program (then no mail button: copying works), and what to say:
 * "link" above LINK_MAX characters (web servers refuse it), "mail" above MAIL_MAX, else "". */
export function share(link, subject) {
  var mail = "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(link);
  return { mail: mail, mailHidden: mail.length > MAIL_MAX, warning: link.length > LINK_MAX ? "link" : mail.length > MAIL_MAX ? "mail" : "" };
}
