/* The filled-in PDF: the published, tagged and fillable PDF with the answers in its form fields,
 * appended as an incremental update (fill.js says what it keeps as it was). Every widget gets its
 * own appearance; an answer wraps in its field (wrap.js) at the sheet's size or down to MIN_SIZE;
 * what does not fit goes on continuation pages (pdf-continuation.js). No DOM: pdf-lib comes in as
 * `lib` (it runs in node too: bench/fill.mjs). */

import { rowParagraphs, missingNote } from "./pages.js";
import { continuation } from "./pdf-continuation.js";
import { appearanceFont, formFonts, hexOf, num, offState, onState, quiet, sizeOf, widgetsOf } from "./pdf-objects.js";
import { ELLIPSIS, MARK, fit, prepare, restOf } from "./wrap.js";

const MIN_SIZE = 9; // no answer is drawn smaller: what does not fit goes on a continuation page
const LEADING = 1.15; // line height of an answer in its field, in ems
const PAD = 2; // points between a field's left and right edges and its text
const PAD_Y = 1; // and between its top and bottom edges and the font's ascent and descent

/** Fill the form fields of PDF `bytes` and return the bytes with an incremental update.
 *  Every widget gets its own appearance (text drawn in the form's embedded font, wrapped at the
 *  field's own size down to MIN_SIZE; check boxes and radio buttons an 'off' state next to their
 *  'on'), so the file does not ask viewers to redraw fields (no NeedAppearances). Text that does
 *  not fit its field, table rows beyond the table and a note on characters the font lacks go on
 *  continuation pages after the field's page: the sheet's title and footer, tagged (a Sect with
 *  H2 and P per field, header and footer as artifacts). */
export async function fillPdfBytes(lib, bytes, entries, more = { tables: [] }) {
  const { PDFDocument, PDFName, PDFDict, PDFArray, PDFHexString } = lib;
  const name = (text) => PDFName.of(text);
  const messages = more.messages || {};
  const continued = messages.continued || "…";
  const doc = await PDFDocument.load(bytes, { forIncrementalUpdate: true, updateMetadata: false });
  const context = doc.context;
  const form = doc.catalog.lookup(name("AcroForm"), PDFDict);
  const fields = form.lookup(name("Fields"), PDFArray);
  const byName = new Map();
  const all = [];
  for (let i = 0; i < fields.size(); i++) {
    const dict = context.lookup(fields.get(i), PDFDict);
    all.push(dict);
    const title = dict.lookup(name("T"));
    if (!title) continue;
    const key = title.decodeText();
    const known = byName.get(key);
    // WeasyPrint lists a radio group and its buttons; the group (the one with /Kids) wins.
    if (!known || (!known.has(name("Kids")) && dict.has(name("Kids")))) byName.set(key, dict);
  }
  const pages = doc.getPages();
  const pageOf = (widget) => {
    const at = pages.findIndex((page) => page.ref === widget.get(name("P")));
    return at < 0 ? pages.length - 1 : at;
  };
  const fonts = { cache: new Map() };
  const later = []; // [{page, heading, paragraphs: [{text, indent}]}]
  const missing = { chars: [], fields: [] };
  const noteMissing = (chars, label, page) => {
    if (!chars.length) return;
    for (const char of chars) if (!missing.chars.includes(char)) missing.chars.push(char);
    if (!missing.fields.includes(label)) missing.fields.push(label);
    missing.page = Math.min(missing.page ?? page, page);
  };
  const absent = [];
  // Tables: a row with a cell too long for it is written out whole on the continuation page
  const tables = new Map(); // table id -> {label, page, rows: Map(row -> cells), long: Set(row)}
  const tableOf = (cell) => {
    if (!tables.has(cell.table)) tables.set(cell.table, { label: cell.label, page: -1, rows: new Map(), long: new Set() });
    return tables.get(cell.table);
  };
  for (const entry of entries) {
    const field = byName.get(entry.name);
    if (!field) {
      absent.push(entry.name);
      continue;
    }
    if (entry.text !== undefined) {
      field.set(name("V"), PDFHexString.fromText(entry.text));
      widgetsOf(lib, context, field).forEach((widget, index) => {
        const drawn = drawText(lib, context, form, fonts, field, widget, entry.text);
        if (index) return; // a field shown twice continues once
        const label = entry.cell ? `${entry.cell.label}, ${messages.row || "#"} ${entry.cell.row}` : entry.label || entry.name;
        noteMissing(drawn.missing, label, pageOf(widget));
        if (entry.cell) {
          const table = tableOf(entry.cell);
          if (!table.rows.has(entry.cell.row)) table.rows.set(entry.cell.row, []);
          table.rows.get(entry.cell.row)[entry.cell.column] = { label: entry.label, text: entry.text };
          if (drawn.rest !== null) {
            table.long.add(entry.cell.row);
            table.page = Math.max(table.page, pageOf(widget));
          }
        } else if (drawn.rest !== null) {
          later.push({ page: pageOf(widget), heading: `${label} (${continued})`, paragraphs: [{ text: ELLIPSIS + drawn.rest }] });
        }
      });
    } else if (entry.checked !== undefined) {
      const on = onState(lib, field) || "Yes";
      field.set(name("V"), name(entry.checked ? on : "Off"));
      field.set(name("AS"), name(entry.checked ? on : "Off"));
    } else if (entry.choice !== undefined) {
      const kids = widgetsOf(lib, context, field);
      const options = field.lookupMaybe(name("Opt"), PDFArray);
      let chosen = null;
      kids.forEach((kid, index) => {
        const on = onState(lib, kid);
        const label = options && index < options.size() ? options.lookup(index).decodeText() : on;
        const selected = label === entry.choice && on;
        if (selected) chosen = on;
        kid.set(name("AS"), name(selected ? on : "Off"));
      });
      if (chosen) field.set(name("V"), name(chosen));
      else absent.push(`${entry.name}=${entry.choice}`);
    }
  }
  if (absent.length) throw new Error(`not in this PDF: ${absent.join(", ")}`);
  // Every other widget gets an appearance too: empty text fields an empty one, buttons an 'off'
  // (one empty drawing, shared).
  const empty = quiet(context, () => context.register(context.stream("", { Type: "XObject", Subtype: "Form", BBox: [0, 0, 1, 1] })));
  for (const field of all) {
    for (const widget of widgetsOf(lib, context, field)) {
      const type = (widget.lookup(name("FT")) || field.lookup(name("FT")))?.decodeText?.() ?? "";
      if (type === "Tx" && !widget.has(name("AP"))) widget.set(name("AP"), quiet(context, () => context.obj({ N: empty })));
      else if (type === "Btn") offState(lib, context, widget, empty);
    }
  }
  // Per table: its rows with a cell too long for the sheet, then the rows beyond the sheet's table,
  // each written out whole ('number. column: text' per filled column).
  const extra = new Map(more.tables.map((table) => [table.id, table]));
  for (const id of new Set([...tables.keys(), ...extra.keys()])) {
    const inside = tables.get(id) || { page: -1, rows: new Map(), long: new Set() };
    const beyond = extra.get(id);
    const paragraphs = [];
    for (const row of [...inside.long].sort((a, b) => a - b)) rowParagraphs(row, inside.rows.get(row), paragraphs);
    let page = inside.page;
    if (beyond) {
      const last = byName.get(beyond.last[0]);
      if (!last) throw new Error(`not in this PDF: ${beyond.last[0]}`);
      page = Math.max(page, pageOf(widgetsOf(lib, context, last)[0]));
      beyond.rows.forEach((row, index) => rowParagraphs(beyond.first + index, row, paragraphs));
    }
    if (paragraphs.length) later.push({ page, heading: `${beyond?.label || inside.label} (${continued})`, paragraphs });
  }
  if (missing.chars.length) {
    const text = missingNote(messages.missing, missing.chars, missing.fields);
    later.push({ page: missing.page, heading: messages.missing_title || MARK, paragraphs: [{ text }] });
  }
  if (later.length) continuation(lib, doc, form, fonts, later, more);
  // Every widget has its own appearance now: viewers show those and do not redraw fields.
  if (form.has(name("NeedAppearances"))) form.delete(name("NeedAppearances"));
  // Saving sets /Length on every stream it writes, each a 'change' pdf-lib would look up in the
  // whole file; the streams it writes are saved anyway.
  const register = context.registerObjectChange;
  context.registerObjectChange = () => {};
  try {
    return await doc.save();
  } finally {
    context.registerObjectChange = register;
  }
}

/** Give `widget` a normal appearance showing `text` in the field's own font and colour, wrapped
 *  in the field at its own size or down to MIN_SIZE. Returns {rest, missing}: the text that did
 *  not fit (null when all did) and the characters the font lacks (drawn as MARK). */
function drawText(lib, context, form, fonts, field, widget, text) {
  const { PDFName } = lib;
  const look = appearanceFont(lib, form, field, widget);
  const font = formFonts(lib, context, form, fonts, look.name).regular;
  const [width, height] = sizeOf(lib, widget);
  const glyph = (size) => ((font.ascent - font.descent) * size) / 1000;
  const sizes = [];
  for (let size = look.size; size >= MIN_SIZE; size -= 0.5) sizes.push(size);
  if (!sizes.length) sizes.push(look.size);
  const prepared = prepare(text, font.advance);
  const box = fit(prepared, {
    sizes,
    width: width - 2 * PAD,
    lines: (size) => Math.max(1, Math.floor((height - 2 * PAD_Y - glyph(size)) / (size * LEADING)) + 1),
  });
  const size = box.size;
  const leading = size * LEADING;
  const top =
    box.lines.length === 1 && height - 2 * PAD_Y < glyph(size) + leading
      ? (height - glyph(size)) / 2 - (font.descent * size) / 1000 // one line: in the middle
      : height - PAD_Y - (font.ascent * size) / 1000;
  const ops = ["/Tx BMC", "q", `1 1 ${num(width - 2)} ${num(height - 2)} re W n`, "BT", `/${look.name} ${num(size)} Tf`];
  if (look.colour) ops.push(look.colour);
  ops.push(`${PAD} ${num(top)} Td`);
  box.lines.forEach(([start, end], index) => {
    if (index) ops.push(`0 ${num(-leading)} Td`);
    const last = index === box.lines.length - 1 && box.ellipsis;
    ops.push(`${hexOf(font, prepared, start, end, last ? ELLIPSIS : "")} Tj`);
  });
  ops.push("ET", "Q", "EMC");
  const ap = quiet(context, () => {
    const stream = context.stream(ops.join("\n"), {
      Type: "XObject",
      Subtype: "Form",
      BBox: [0, 0, width, height],
      Resources: { Font: { [look.name]: font.ref } },
    });
    return context.obj({ N: context.register(stream) });
  });
  widget.set(PDFName.of("AP"), ap);
  return { rest: box.rest === null ? null : restOf(prepared, box.rest), missing: prepared.missing };
}
