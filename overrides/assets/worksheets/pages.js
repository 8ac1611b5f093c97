/* The continuation pages of a filled-in PDF, planned without the PDF: a table row written out
 * whole, the note on characters the font lacks, and which line goes on which page. Pure: no DOM
 * (node --test: tests/js/fill-plan.test.mjs). */

import { format } from "./names.js";
import { MARK } from "./wrap.js";

export const LINE = 1.35; // a line's height on a continuation page, in ems

/** Row `number` of a table written out as paragraphs, one per filled cell ('3. column: text',
 *  further cells indented), appended to `paragraphs`. */
export function rowParagraphs(number, cells, paragraphs) {
  cells
    .filter((cell) => cell && cell.text)
    .forEach((cell, k) => {
      paragraphs.push({ text: (k ? "" : `${number}. `) + `${cell.label}: ${cell.text}`, indent: k ? 14 : 0, hang: 14, gap: k ? 0 : 5, row: number });
    });
  return paragraphs;
}

/** The note on the characters the sheet's font lacks: `template` (the sheet's message) with the
 *  marker, the characters as code points (U+1F600) and the fields they were typed in. */
export function missingNote(template, chars, fields) {
  const codes = chars.map((char) => [...char].map((c) => "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")).join(" "));
  return format(template || "{mark}: {chars} ({fields})", { mark: MARK, chars: codes.join(", "), fields: fields.join("; ") });
}

/** Lines ({size, gap, block}) on pages whose text runs from `top` down to `bottom` (points): a
 *  list of pages, each a list of {line, y} (y: the bottom of the line). A block (a heading with
 *  what follows it, a table row) starts a new page when it does not fit on this one but would on
 *  a page of its own; a line goes on the next page when it does not fit; `gap` is the space above
 *  a line, left out at the top of a page. */
export function paginate(lines, top, bottom) {
  const heights = new Map();
  for (const line of lines) heights.set(line.block, (heights.get(line.block) || 0) + line.gap + line.size * LINE);
  const pages = [];
  let page = null;
  let y = 0;
  lines.forEach((line, index) => {
    const height = line.size * LINE;
    const first = !index || lines[index - 1].block !== line.block;
    const whole = heights.get(line.block);
    if (!page || (first && y - whole < bottom && whole <= top - bottom) || y - line.gap - height < bottom) {
      pages.push((page = []));
      y = top;
    } else y -= line.gap;
    y -= height;
    page.push({ line, y });
  });
  return pages;
}
