/* The answers (AUTHORING.md's answers format) as what the filler writes into a sheet's file: one
 * entry per input of the PDF or DOCX, and the table rows beyond the sheet's table. Pure: no DOM
 * (node --test: tests/js/fill-plan.test.mjs). */

import { clean as typed } from "./values.js";

/** Text safe for a PDF string and for XML: typed text as it is kept (values.js: new lines as \n, no
 *  control characters other than tab and new line), and no half of a surrogate pair. */
export function clean(text) {
  return typed(text ?? "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "$1");
}

/** One entry per input (`kind`: "pdf" or "docx", the names of the field data): {name, text} for
 *  text, {name, checked} for a check box, {name, choice} for a radio group (the PDF) or, per
 *  point, a check box (the DOCX). A table cell's entry says where it is (`cell`). */
export function entries(data, answers, kind) {
  const out = [];
  for (const field of data.fields) {
    const value = answers[field.id];
    if (value === undefined || value === null) continue;
    if (field.type === "text" || field.type === "longtext") {
      if (typeof value === "string" && value) out.push({ name: field[kind], text: clean(value), label: field.label });
    } else if (field.type === "table" && Array.isArray(value)) {
      field[kind].forEach((names, r) => {
        const cells = value[r] || {};
        names.forEach((name, c) => {
          const text = cells[field.columns[c].id];
          const cell = { table: field.id, label: field.label, row: r + 1, column: c, columns: field.columns.length };
          if (typeof text === "string" && text) out.push({ name, text: clean(text), label: field.columns[c].label, cell });
        });
      });
    } else if (field.type === "checklist" && Array.isArray(value)) {
      for (const item of field.items) if (value.includes(item.id)) out.push({ name: item[kind], checked: true });
    } else if (field.type === "scale" && Number.isInteger(value)) {
      if (kind === "pdf") out.push({ name: field.pdf, choice: String(value) });
      else if (value >= 1 && value <= field.docx.length) out.push({ name: field.docx[value - 1], checked: true });
    }
  }
  return out;
}

/** Table rows beyond what the sheet's table holds: [{id, label, first, last, rows}], `rows` a list
 *  of [{id, label, text}] per column, `first` the number of the first such row (counted from 1),
 *  `last` the input names of the table's last row. */
export function overflow(data, answers, kind) {
  const out = [];
  for (const field of data.fields) {
    const value = answers[field.id];
    if (field.type !== "table" || !Array.isArray(value) || value.length <= field[kind].length) continue;
    const rows = value.slice(field[kind].length).map((cells) =>
      field.columns.map((column) => ({ id: column.id, label: column.label, text: clean(typeof cells?.[column.id] === "string" ? cells[column.id] : "") })),
    );
    out.push({ id: field.id, label: field.label, first: field[kind].length + 1, last: field[kind][field[kind].length - 1], rows });
  }
  return out;
}
