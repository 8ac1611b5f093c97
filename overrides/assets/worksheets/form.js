/* The on-screen form of a worksheet (hooks/worksheets/render_html.py): reading the answers out of
 * it, showing answers in it, and its text areas as tall as their text (typing, printing). */

import { clean, trimRows } from "./values.js";

function control(form, name) {
  return form.elements.namedItem(name);
}

/** The answers in the form now (empty fields left out). */
export function collect(form, data) {
  const answers = {};
  for (const field of data.fields) {
    if (field.type === "text" || field.type === "longtext") {
      const input = control(form, field.pdf);
      if (input && input.value) answers[field.id] = clean(input.value);
    } else if (field.type === "scale") {
      const group = control(form, field.pdf);
      if (group && group.value) answers[field.id] = Number(group.value);
    } else if (field.type === "checklist") {
      const checked = field.items
        .filter((item) => {
          const box = control(form, item.pdf);
          return box && box.checked;
        })
        .map((item) => item.id);
      if (checked.length) answers[field.id] = checked;
    } else if (field.type === "table") {
      const rows = trimRows(
        field.pdf.map((names) => {
          const cells = {};
          names.forEach((name, c) => {
            const input = control(form, name);
            if (input && input.value) cells[field.columns[c].id] = clean(input.value);
          });
          return cells;
        }),
      );
      if (rows.length) answers[field.id] = rows;
    }
  }
  return answers;
}

/** Show `answers` in the form (every field: an empty answer empties the field), all but the field
 *  `except` (the one the reader is typing in). */
export function apply(form, data, answers, except) {
  for (const field of data.fields) {
    if (field.id === except) continue;
    const value = answers[field.id];
    if (field.type === "text" || field.type === "longtext") {
      const input = control(form, field.pdf);
      if (input) input.value = typeof value === "string" ? value : "";
    } else if (field.type === "scale") {
      const group = control(form, field.pdf);
      if (!group) continue;
      const radios = group.length === undefined ? [group] : Array.from(group);
      for (const radio of radios) radio.checked = Number(radio.value) === value;
    } else if (field.type === "checklist") {
      for (const item of field.items) {
        const box = control(form, item.pdf);
        if (box) box.checked = Array.isArray(value) && value.includes(item.id);
      }
    } else if (field.type === "table") {
      field.pdf.forEach((names, r) => {
        const cells = (Array.isArray(value) && value[r]) || {};
        names.forEach((name, c) => {
          const input = control(form, name);
          if (input) input.value = cells[field.columns[c].id] || "";
        });
      });
    }
  }
}

/** Print: text areas as tall as their text, so the printed sheet shows every word. */
export function fitTextareas(form) {
  for (const area of form.querySelectorAll("textarea")) {
    const lines = area.value.split("\n").length + Math.ceil(area.value.length / 90);
    if (!area.hasAttribute("data-rows")) area.setAttribute("data-rows", area.rows);
    area.rows = Math.max(Number(area.getAttribute("data-rows")), lines);
  }
}

/** Text areas grow with their text: CSS field-sizing where the browser has it (screen.css), else
 *  this (once per document: it listens on the document, for every worksheet page swapped in). */
export function growTextareas() {
  if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) return;
  document.addEventListener("input", (event) => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement) || !area.closest(".ws-form")) return;
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  });
}
