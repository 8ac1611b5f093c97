/* The plan this browser keeps: the last plan in localStorage ('bot-plan': {v: 1, query, recent:
 * [earlier queries]}), as is a running meeting ('bot-plan-run'); at most RECENT earlier plans. Pure
 * apart from the storage it is handed: `area`, a function that returns it (reading
 * window.localStorage itself throws where storage is switched off). node --test:
 * tests/js/planner-store.test.mjs. */
import { LINKED, SETTINGS, parse, serialise } from "./link.js";

export const STORE = "bot-plan";
export const RUN_STORE = "bot-plan-run";
export const RECENT = 20;
export const RUN_HOURS = 12; // a meeting started longer ago than this is not resumed

/** The record under `key` when it is ours (v: 1), else null (none, unreadable, storage off). */
export function stored(area, key) {
  try {
    var record = JSON.parse(area().getItem(key) || "null");
    return record && record.v === 1 ? record : null;
  } catch (e) {
    return null;
  }
}

/** Write a record; false when the browser refused (storage full or switched off). */
export function put(area, key, record) {
  try { area().setItem(key, JSON.stringify(record)); return true; } catch (e) { return false; }
}

/* The earlier plans of this browser, newest first: every plan a reader had before a link replaced
 * it (the old record's one 'previous' too), without the current one and without repeats. */
export function recentOf(record, current) {
  var out = [];
  function add(query) {
    if (typeof query === "string" && query && query !== current && out.indexOf(query) < 0) out.push(query);
  }
  if (record) {
    (Array.isArray(record.recent) ? record.recent : []).forEach(add);
    add(record.previous);
  }
  return out.slice(0, RECENT);
}

/** Whether `search` (the page's query) is a plan link. */
export function linked(search) { return LINKED.test(search); }

/* The plan to open: the link's, or this browser's. A link never discards the reader's own plan: the
 * plan it replaces joins the earlier plans (`replaced`); a link with settings only (?start=10:00)
 * changes the kept plan's settings and keeps its blocks. Returns {plan, record: what to keep (null:
 * nothing to write), replaced, address: the search part the address bar should show (null: as it is)}. */
export function opening(search, record) {
  var plan, keepIt = null, replaced = false, address = null, link = null;
  if (linked(search)) {
    plan = parse(search);
    if (!plan.keys.p && record && record.query) {
      link = plan;
      plan = parse("?" + record.query);
      SETTINGS.forEach(function (key) { if (link.keys[key]) plan[key] = link[key]; });
      plan.problems = plan.problems.concat(link.problems);
    }
    var query = serialise(plan), recent = recentOf(record, query);
    if (record && record.query && record.query !== query && !link) {
      recent = [record.query].concat(recent.filter(function (q) { return q !== record.query; })).slice(0, RECENT);
      replaced = true;
    }
    keepIt = { v: 1, query: query, recent: recent };
    if (link) address = query ? "?" + query : "";
  } else {
    plan = parse(record && record.query ? "?" + record.query : "");
    if (record && record.query) address = "?" + serialise(plan);
  }
  return { plan: plan, record: keepIt, replaced: replaced, address: address };
}

/** The record after an edit: the new query, the earlier plans without it, no old 'previous'. */
export function edited(record, query) {
  var out = record || { v: 1, query: "" };
  out.query = query;
  out.recent = recentOf(out, query);
  delete out.previous;
  return out;
}

/** A kept running meeting of this very plan, started less than RUN_HOURS ago, or null. */
export function resumable(saved, query, now) {
  return saved && saved.query === query && saved.starts && now - saved.starts[saved.starts.length - 1] < RUN_HOURS * 3600000
    ? saved : null;
}
