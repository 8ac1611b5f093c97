/* The answers as this browser keeps them, and as a file exports them: the schema, reading and
 * migrating what is stored or imported, setting aside what cannot be read, and a save merged with
 * what another tab wrote. Pure: no DOM; `store` is anything with localStorage's getItem, setItem,
 * removeItem, key and length (node --test: tests/js/answers-store.test.mjs).
 *
 * Stored, per sheet (the answers format: AUTHORING.md):
 *   localStorage["belangen-op-tafel:answers:<sheet id>"] =
 *     {format: 1, sheet, current: <copy name>, copies: [{name, updated, answers, kept}]}
 * `kept` holds answers the sheet can no longer show (a field removed or changed): they are shown
 * under 'No longer on this sheet' and stay until the copy is cleared. An entry that cannot be read
 * is set aside under "<key>:unreadable:<time>" (nothing is lost) and the sheet starts afresh.
 */

import { NAME_LENGTH } from "./names.js";

export const PREFIX = "belangen-op-tafel:answers:";
export const FORMAT = 1;
export const KIND = "belangen-op-tafel/answers";

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Any stored value as one line of text: a list joined by '; ', an object as 'key: value; …'. */
export function asText(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join("; ");
  if (isObject(value)) return Object.keys(value).map((key) => key + ": " + asText(value[key])).join("; ");
  return value === null || value === undefined ? "" : String(value);
}

export function emptyCopy(name) {
  return { name, updated: null, answers: {}, kept: [] };
}

export function freshEntry(sheet) {
  return { format: FORMAT, sheet, current: "", copies: [emptyCopy("")] };
}

/** This browser's storage when it can be read (a full one can: what was saved before is shown);
 *  null when it is switched off (reaching it or reading it throws): the page still fills,
 *  downloads and exports. `reach` gives the storage (() => window.localStorage). */
export function openStorage(reach) {
  try {
    const store = reach();
    store.getItem(PREFIX + "probe");
    return store;
  } catch {
    return null;
  }
}

/** `{where, text}` items of a kept list; anything else in it kept as text too. */
function keptItems(list) {
  const out = [];
  for (const item of list) {
    if (isObject(item) && typeof item.text === "string") {
      out.push({ where: typeof item.where === "string" ? item.where : "", text: item.text });
    } else {
      const text = asText(item);
      if (text.trim()) out.push({ where: "", text });
    }
  }
  return out;
}

/** A name no other copy has: `name`, else `name (2)`, `name (3)` … */
export function uniqueName(names, name) {
  if (!names.includes(name)) return name;
  for (let n = 2; ; n++) if (!names.includes(`${name} (${n})`)) return `${name} (${n})`;
}

/** A stored entry (already parsed) as this code uses it, or null when it is not one it can read:
 *  not an object, no list of copies, none in it, or written by a newer format. What is wrong
 *  inside a copy is mended without losing an answer: a copy that is not an object goes, answers
 *  that are not an object become a kept line, two copies of one name get names of their own. */
export function migrate(entry, sheet) {
  if (!isObject(entry) || !Array.isArray(entry.copies) || entry.copies.length === 0 || entry.format > FORMAT) {
    return null;
  }
  const names = [];
  const copies = entry.copies.filter(isObject).map((copy) => {
    const name = uniqueName(names, typeof copy.name === "string" ? copy.name : "");
    names.push(name);
    const kept = Array.isArray(copy.kept) ? keptItems(copy.kept) : [];
    const loose = isObject(copy.answers) ? "" : asText(copy.answers);
    if (loose.trim()) kept.push({ where: "", text: loose });
    return {
      name,
      updated: typeof copy.updated === "string" ? copy.updated : null,
      answers: isObject(copy.answers) ? copy.answers : {},
      kept,
    };
  });
  if (!copies.length) copies.push(emptyCopy(""));
  const current = typeof entry.current === "string" ? entry.current : copies[0].name;
  return { format: FORMAT, sheet, current, copies };
}

/** The stored entry of `sheet`; a missing or unreadable one gives a fresh entry (an unreadable
 *  one is first set aside under "...:unreadable:<now>", so nothing is lost). */
export function readEntry(store, sheet, now = Date.now()) {
  if (!store) return freshEntry(sheet);
  let raw = null;
  try {
    raw = store.getItem(PREFIX + sheet);
  } catch {
    return freshEntry(sheet);
  }
  if (raw === null) return freshEntry(sheet);
  let entry = null;
  try {
    entry = JSON.parse(raw);
  } catch {
    entry = null;
  }
  const read = migrate(entry, sheet);
  if (read) return read;
  try {
    store.setItem(`${PREFIX}${sheet}:unreadable:${now}`, raw);
  } catch {
    // full: the raw text stays under its own key until something is saved
  }
  return freshEntry(sheet);
}

/** The entry into storage; false when the browser refused it (full, switched off). */
export function writeEntry(store, entry) {
  if (!store) return false;
  try {
    store.setItem(PREFIX + entry.sheet, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

/** Every sheet's answers out of storage (the keys set aside too). */
export function clearAll(store) {
  if (!store) return;
  const keys = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key && key.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

/** The copy of `entry` that is shown (its `current`, else the first, which then becomes current). */
export function currentCopy(entry) {
  let found = entry.copies.find((copy) => copy.name === entry.current);
  if (!found) {
    found = entry.copies[0];
    entry.current = found.name;
  }
  return found;
}

/** A save of one tab: only the fields `changed` in it, with their values from `answers` (absent:
 *  emptied), written into copy `name` of `stored` (the entry as storage has it now, which another
 *  tab may have changed since); `mine` is this tab's copy, added when the stored entry lacks it.
 *  Returns `stored`, with `name` current and its copy's time `when`. */
export function merge(stored, name, mine, answers, changed, when) {
  let copy = stored.copies.find((item) => item.name === name);
  if (!copy) stored.copies.push((copy = mine));
  stored.current = name;
  for (const id of changed) {
    if (answers[id] === undefined) delete copy.answers[id];
    else copy.answers[id] = answers[id];
  }
  copy.updated = when;
  return stored;
}

/** An exported answers file's text read for `sheet`: {name, answers, kept, exported} or
 *  {problem: "broken" | "newer" | "other", sheet}: not ours or damaged, from a newer format, for
 *  another sheet. */
export function readImport(text, sheet) {
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (!isObject(body) || body.kind !== KIND || !isObject(body.answers) || typeof body.sheet !== "string") {
    return { problem: "broken" };
  }
  if (typeof body.format !== "number" || body.format > FORMAT) return { problem: "newer" };
  if (body.sheet !== sheet) return { problem: "other", sheet: body.sheet };
  return {
    name: typeof body.name === "string" ? body.name.trim().slice(0, NAME_LENGTH) : "",
    answers: body.answers,
    kept: Array.isArray(body.kept) ? body.kept.filter((item) => isObject(item) && typeof item.text === "string").map((item) => ({ where: typeof item.where === "string" ? item.where : "", text: item.text })) : [],
    exported: typeof body.exported === "string" ? body.exported : null,
  };
}

/** The file an export writes: the form's answers and the copy's kept ones. */
export function exportBody(sheet, version, copy, answers, when) {
  return { kind: KIND, format: FORMAT, sheet, version, name: copy.name, exported: when, answers, kept: copy.kept };
}
