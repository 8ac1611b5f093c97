/* The answers against a sheet's fields (the field data of hooks/worksheets/fields.py): what the
 * sheet as it is now can show, and what it keeps under 'No longer on this sheet'. Pure: no DOM
 * (node --test: tests/js/answers-store.test.mjs). */

import { map } from "../site/dict.js";
import { asText, isObject } from "./store.js";

/** Typed text as it is kept: new lines as \n, no control characters but tab and new line. */
export function clean(text) {
  return String(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "");
}

/* Every lookup keyed by text from storage or a file is a map without a prototype: an answer
 * stored under 'constructor' or '__proto__' is then an answer to no field (kept and shown). */
function fieldsById(data) {
  const byId = map();
  for (const field of data.fields) byId[field.id] = field;
  return byId;
}

/** A table's rows with the empty ones at its end left out (and holes as empty rows). */
export function trimRows(rows) {
  const out = [];
  for (let i = 0; i < rows.length; i++) out.push(rows[i] || {});
  while (out.length && !Object.keys(out[out.length - 1]).length) out.pop();
  return out;
}

/** Split stored answers into what the sheet as it is now can show (`answers`) and the rest
 *  (`kept`: {where, text}), e.g. after a field was removed or a column renamed. */
export function normalise(stored, data) {
  const fields = fieldsById(data);
  const answers = {};
  const kept = [];
  const row = data.messages.row;
  const keep = (where, value) => {
    const text = asText(value);
    if (text.trim()) kept.push({ where, text });
  };
  for (const id of Object.keys(isObject(stored) ? stored : {})) {
    const value = stored[id];
    const field = fields[id];
    if (!field) {
      keep(id, value);
    } else if (field.type === "text" || field.type === "longtext") {
      if (typeof value === "string" || typeof value === "number") {
        if (String(value)) answers[id] = clean(value);
      } else keep(field.label, value);
    } else if (field.type === "scale") {
      const n = Number(value);
      if (Math.round(n) === n && n >= 1 && n <= field.points) answers[id] = n;
      else keep(field.label, value);
    } else if (field.type === "checklist") {
      if (!Array.isArray(value)) {
        keep(field.label, value);
        continue;
      }
      const known = field.items.map((item) => item.id);
      const checked = value.filter((item) => known.includes(item));
      if (checked.length) answers[id] = checked;
      for (const item of value) if (!known.includes(item)) keep(field.label, item);
    } else if (field.type === "table") {
      if (!Array.isArray(value)) {
        keep(field.label, value);
        continue;
      }
      const columns = field.columns.map((column) => column.id);
      const rows = [];
      value.forEach((cells, index) => {
        const where = field.label + ", " + row + " " + (index + 1);
        if (!isObject(cells)) return keep(where, cells);
        const mine = {};
        for (const column of Object.keys(cells)) {
          const text = cells[column];
          if (index >= field.rows || !columns.includes(column) || typeof text !== "string") {
            keep(where + ", " + column, text);
          } else if (text) mine[column] = clean(text);
        }
        if (index < field.rows) rows[index] = mine;
      });
      answers[id] = trimRows(rows);
      if (!answers[id].length) delete answers[id];
    }
  }
  return { answers, kept };
}

/** The id of the field a control (by its name) belongs to, or "". */
export function fieldOf(data, name) {
  let found = "";
  for (const field of data.fields) {
    const names =
      field.type === "checklist" ? field.items.map((item) => item.pdf) : field.type === "table" ? field.pdf.flat() : [field.pdf];
    if (name && names.includes(name)) found = field.id;
  }
  return found;
}

/** Whether two answers are the same. */
export function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The ids of the fields whose answer differs between `answers` and `base`. */
export function changedFields(data, answers, base) {
  return data.fields.map((field) => field.id).filter((id) => !same(answers[id], base[id]));
}
