/* Filled-in worksheets, made in the browser from the files the site publishes (issue #14).
 *
 * Entry points (an ES module; the worksheet pages load it through answers.js, other pages can too):
 *
 *   const fill = await import(siteRoot + "assets/worksheets/fill.js");
 *   const pdf = await fill.fillPdf("draaiboek", "nl", answers);    // {blob, name}
 *   const docx = await fill.fillDocx("draaiboek", "nl", answers);  // {blob, name}
 *   fill.save(pdf.blob, pdf.name);                                  // the browser's download
 *
 * `answers` is the answers format in AUTHORING.md ({field id: text | [{column id: text}] |
 * [item id] | 1-5}); `options.data` may pass the sheet's field data (else it is read from
 * assets/worksheets/<lang>/<id>.json, written by hooks/worksheets/fields.py), `options.name` the
 * download's name without extension.
 *
 * PDF: the published, tagged and fillable PDF with the answers in its form fields, appended as an
 * incremental update (the original bytes, structure tree, /Lang and field names stay as they
 * are; nothing is flattened). Every widget gets its own appearance, drawn with the bundled font
 * the PDF embeds for its fields, and NeedAppearances goes, so every viewer shows the same thing.
 * An answer wraps in its field at the sheet's size, or down to MIN_SIZE (9 pt) when that makes
 * it fit (wrap.js, linear); what does not fit continues on tagged continuation pages after the field's page, with the
 * sheet's title and footer; a character the font lacks prints as wrap.js's MARK and is named
 * there. Library: @cantoo/pdf-lib (vendor/).
 * DOCX: the published Word file with the answers in its content controls (w:sdt, tagged with the
 * field names), edited as XML with DOMParser and XMLSerializer; line breaks as w:br. Library:
 * fflate (vendor/).
 * Both libraries load on the first call. Nothing is sent anywhere; the only requests are for
 * files of this site.
 *
 * A table answer with more rows than the sheet's table (the planner's export of a long plan) loses
 * nothing: the DOCX gets more rows in that table (content controls like the others, numbered on);
 * the PDF writes every further row out (label: text per column) on the continuation pages.
 */

import { ELLIPSIS, MARK, fit, prepare, restOf, wrap } from "./wrap.js";

const HERE = new URL(".", import.meta.url); // .../assets/worksheets/
const ROOT = new URL("../../", HERE);
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const loaded = {};

// --- shared -------------------------------------------------------------------------------------

/** Text safe for a PDF string and for XML: no control characters other than tab and new line. */
export function clean(text) {
  return String(text ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "$1");
}

/** The field data of one sheet in one language (fields.py), read once per page. */
export async function sheetData(sheet, lang) {
  const key = `${lang}/${sheet}`;
  if (!loaded[key]) {
    loaded[key] = fetch(new URL(`${lang}/${encodeURIComponent(sheet)}.json`, HERE)).then((response) => {
      if (!response.ok) throw new Error(`${sheet} (${lang}): HTTP ${response.status}`);
      return response.json();
    });
  }
  return loaded[key];
}

async function bytesOf(path) {
  const url = new URL(path, ROOT);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function pdfLib() {
  loaded.pdfLib ??= import(new URL("vendor/pdf-lib.esm.min.js", HERE).href);
  return loaded.pdfLib;
}

function fflate() {
  loaded.fflate ??= new Promise((resolve, reject) => {
    if (window.fflate) return resolve(window.fflate);
    const script = document.createElement("script");
    script.src = new URL("vendor/fflate.min.js", HERE).href;
    script.onload = () => (window.fflate ? resolve(window.fflate) : reject(new Error("fflate did not load")));
    script.onerror = () => reject(new Error(`${script.src} did not load`));
    document.head.appendChild(script);
  });
  return loaded.fflate;
}

/** One entry per input: {name, text} for text, {name, checked} for a check box, {name, choice}
 *  for a radio group (the PDF) or, per point, a check box (the DOCX). */
function values(data, answers, kind) {
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

/** Table rows beyond what the sheet's table holds: [{label, first, rows: [[{label, text}]]}]
 *  (`first` is the number of the first such row, counted from 1). */
function overflow(data, answers, kind) {
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

function downloadName(data, kind, name) {
  const base = name || data.files[kind].split("/").pop().replace(/\.\w+$/, "") + "-" + data.messages.filled;
  return `${base}.${kind}`;
}

async function dataFor(sheet, lang, options) {
  const data = options.data || (await sheetData(sheet, lang));
  if (data.sheet !== sheet || data.lang !== lang) throw new Error(`the field data is for ${data.sheet} (${data.lang})`);
  return data;
}

/** Offer `blob` as a download called `name`. */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// --- PDF ----------------------------------------------------------------------------------------

const MIN_SIZE = 9; // no answer is drawn smaller: what does not fit goes on a continuation page
const LEADING = 1.15; // line height of an answer in its field, in ems
const PAD = 2; // points between a field's left and right edges and its text
const PAD_Y = 1; // and between its top and bottom edges and the font's ascent and descent

/** The filled-in PDF of `sheet` in `lang`: {blob, name}. */
export async function fillPdf(sheet, lang, answers, options = {}) {
  const data = await dataFor(sheet, lang, options);
  const [lib, bytes] = await Promise.all([pdfLib(), bytesOf(data.files.pdf)]);
  const filled = await fillPdfData(lib, bytes, data, answers);
  return { blob: new Blob([filled], { type: "application/pdf" }), name: downloadName(data, "pdf", options.name) };
}

/** The published PDF `bytes` of a sheet filled with `answers` (`data`: the sheet's field data),
 *  without fetching anything: what fillPdf does once it has the library and the file. */
export function fillPdfData(lib, bytes, data, answers) {
  const more = { tables: overflow(data, answers, "pdf"), messages: data.messages, title: data.title, footer: data.footer };
  return fillPdfBytes(lib, bytes, values(data, answers, "pdf"), more);
}

/* pdf-lib, for an incremental update, looks for the object that holds every dictionary or array
 * it changes (a scan of the whole file, per change, and per entry of every object it builds).
 * New objects are saved anyway: build them with that bookkeeping off, and change the file's own
 * objects only where they are indirect (found at once) or once. */
function quiet(context, make) {
  const snapshot = context.snapshot;
  context.snapshot = undefined;
  try {
    return make();
  } finally {
    context.snapshot = snapshot;
  }
}

const format = (template, fields) => String(template || "").replace(/\{(\w+)\}/g, (all, key) => (key in fields ? fields[key] : all));

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
  const rowLines = (number, cells, paragraphs) =>
    cells.filter((cell) => cell && cell.text).forEach((cell, k) => {
      paragraphs.push({ text: (k ? "" : `${number}. `) + `${cell.label}: ${cell.text}`, indent: k ? 14 : 0, hang: 14, gap: k ? 0 : 5, row: number });
    });
  const extra = new Map(more.tables.map((table) => [table.id, table]));
  for (const id of new Set([...tables.keys(), ...extra.keys()])) {
    const inside = tables.get(id) || { page: -1, rows: new Map(), long: new Set() };
    const beyond = extra.get(id);
    const paragraphs = [];
    for (const row of [...inside.long].sort((a, b) => a - b)) rowLines(row, inside.rows.get(row), paragraphs);
    let page = inside.page;
    if (beyond) {
      const last = byName.get(beyond.last[0]);
      if (!last) throw new Error(`not in this PDF: ${beyond.last[0]}`);
      page = Math.max(page, pageOf(widgetsOf(lib, context, last)[0]));
      beyond.rows.forEach((row, index) => rowLines(beyond.first + index, row, paragraphs));
    }
    if (paragraphs.length) later.push({ page, heading: `${beyond?.label || inside.label} (${continued})`, paragraphs });
  }
  if (missing.chars.length) {
    const codes = missing.chars.map((char) => [...char].map((c) => "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")).join(" "));
    const text = format(messages.missing || "{mark}: {chars} ({fields})", { mark: MARK, chars: codes.join(", "), fields: missing.fields.join("; ") });
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

function widgetsOf(lib, context, field) {
  const kids = field.lookupMaybe(lib.PDFName.of("Kids"), lib.PDFArray);
  if (!kids) return [field];
  const out = [];
  for (let i = 0; i < kids.size(); i++) out.push(context.lookup(kids.get(i), lib.PDFDict));
  return out;
}

function sizeOf(lib, widget) {
  const rect = widget.lookup(lib.PDFName.of("Rect"), lib.PDFArray).asArray().map((n) => n.asNumber());
  return [Math.abs(rect[2] - rect[0]), Math.abs(rect[3] - rect[1])];
}

function onState(lib, widget) {
  const normal = widget.lookupMaybe(lib.PDFName.of("AP"), lib.PDFDict)?.lookup(lib.PDFName.of("N"));
  if (!(normal instanceof lib.PDFDict)) return null;
  const key = normal.keys().map((k) => k.decodeText()).find((k) => k !== "Off");
  return key || null;
}

/** A check box or radio button draws its 'on' state (WeasyPrint's tick or dot); give it an
 *  empty 'Off' state too, so no viewer has to make one up. */
function offState(lib, context, widget, off) {
  const { PDFName, PDFDict, PDFRef } = lib;
  const ap = widget.lookupMaybe(PDFName.of("AP"), PDFDict);
  const normal = ap?.lookup(PDFName.of("N"));
  if (!(normal instanceof PDFDict) || normal.has(PDFName.of("Off"))) return;
  if (ap.get(PDFName.of("N")) instanceof PDFRef) return normal.set(PDFName.of("Off"), off);
  const copy = quiet(context, () => {
    const states = context.obj({});
    for (const [key, value] of normal.entries()) states.set(key, value);
    states.set(PDFName.of("Off"), off);
    const out = context.obj({});
    for (const [key, value] of ap.entries()) out.set(key, key === PDFName.of("N") ? states : value);
    return out;
  });
  widget.set(PDFName.of("AP"), copy);
}

/** What a Type0 (Identity-H) font of the form can draw: Unicode -> glyph id, widths, ascent. */
function fontInfo(lib, context, ref) {
  const { PDFName, PDFDict, PDFArray, decodePDFRawStream } = lib;
  const font = ref && context.lookup(ref, PDFDict);
  if (!font || font.lookup(PDFName.of("Subtype"))?.decodeText() !== "Type0") {
    throw new Error("the PDF's form font is not a Type0 font");
  }
  const cmap = new TextDecoder("latin1").decode(decodePDFRawStream(font.lookup(PDFName.of("ToUnicode"))).decode());
  const glyphs = parseToUnicode(cmap);
  const cid = font.lookup(PDFName.of("DescendantFonts"), PDFArray).lookup(0, PDFDict);
  const widths = new Map();
  const list = cid.lookupMaybe(PDFName.of("W"), PDFArray);
  for (let i = 0; list && i < list.size(); ) {
    const first = list.lookup(i).asNumber();
    const next = list.lookup(i + 1);
    if (next instanceof PDFArray) {
      for (let k = 0; k < next.size(); k++) widths.set(first + k, next.lookup(k).asNumber());
      i += 2;
    } else {
      const last = next.asNumber();
      const width = list.lookup(i + 2).asNumber();
      for (let c = first; c <= last; c++) widths.set(c, width);
      i += 3;
    }
  }
  const descriptor = cid.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
  const fallback = cid.lookup(PDFName.of("DW"))?.asNumber() ?? 1000;
  const info = {
    ref,
    glyphs,
    widths,
    ascent: descriptor?.lookup(PDFName.of("Ascent"))?.asNumber() ?? 800,
    descent: descriptor?.lookup(PDFName.of("Descent"))?.asNumber() ?? -200,
  };
  info.advance = (char) => {
    const code = glyphs.get(char);
    return code === undefined ? undefined : (widths.get(code) ?? fallback);
  };
  return info;
}

/** The fonts of the form: {name, regular, bold} (bold: the form's other font, when it has one). */
function formFonts(lib, context, form, fonts, fontName) {
  if (fonts.cache.has(fontName)) return fonts.cache.get(fontName);
  const { PDFName, PDFDict } = lib;
  const resources = form.lookupMaybe(PDFName.of("DR"), PDFDict)?.lookupMaybe(PDFName.of("Font"), PDFDict);
  const ref = resources?.get(PDFName.of(fontName));
  if (!ref) throw new Error(`the PDF has no form font ${fontName}`);
  const regular = fontInfo(lib, context, ref);
  let bold = null;
  for (const key of resources.keys()) {
    const dict = resources.lookup(key, PDFDict);
    if (key.decodeText() !== fontName && /Bold/.test(dict.lookup(PDFName.of("BaseFont"))?.decodeText?.() ?? "")) {
      bold = { name: key.decodeText(), ...fontInfo(lib, context, resources.get(key)) };
      break;
    }
  }
  const out = { name: fontName, regular, bold: bold || { name: fontName, ...regular } };
  fonts.cache.set(fontName, out);
  return out;
}

/** A ToUnicode CMap (bfchar and bfrange) as a map from text to glyph id. */
export function parseToUnicode(cmap) {
  const glyphs = new Map();
  const text = (hex) => {
    let out = "";
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  const add = (chars, code) => {
    if (!glyphs.has(chars)) glyphs.set(chars, code);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) add(text(m[2]), parseInt(m[1], 16));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const low = parseInt(m[1], 16);
      const high = parseInt(m[2], 16);
      if (m[3].startsWith("<")) {
        const base = text(m[3].slice(1, -1));
        const last = base.charCodeAt(base.length - 1);
        for (let code = low; code <= high; code++) add(base.slice(0, -1) + String.fromCharCode(last + code - low), code);
      } else {
        [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((item, k) => add(text(item[1]), low + k));
      }
    }
  }
  return glyphs;
}

/** The hex string of pieces [start, end) of a prepared text (every piece is in the font). */
function hexOf(font, text, start, end, tail = "") {
  let out = "<";
  const add = (piece) => {
    for (const char of piece) out += (font.glyphs.get(char) ?? font.glyphs.get("?") ?? 0).toString(16).padStart(4, "0");
  };
  for (let i = start; i < end; i++) add(text.pieces[i]);
  add(tail);
  return out + ">";
}

const num = (value) => (Math.round(value * 1000) / 1000).toString();

function appearanceFont(lib, form, field, widget) {
  const { PDFName } = lib;
  const da = (widget.lookup(PDFName.of("DA")) || field.lookup(PDFName.of("DA")) || form.lookup(PDFName.of("DA")))?.decodeText() || "";
  const font = da.match(/\/([^\s/]+)\s+([\d.]+)\s+Tf/);
  if (!font) throw new Error(`field ${field.lookup(PDFName.of("T"))?.decodeText()} has no font`);
  const colour = da.match(/([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg/);
  return { name: font[1], size: Number(font[2]) || 10, colour: colour ? `${colour[1]} ${colour[2]} ${colour[3]} rg` : "" };
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

/** The sheet's address, as its footer links to it (the first web link of the file). */
function sheetAddress(lib, doc) {
  const { PDFName, PDFDict, PDFArray } = lib;
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const uri = annot.lookupMaybe(PDFName.of("A"), PDFDict)?.lookup(PDFName.of("URI"));
      if (annot.lookup(PDFName.of("Subtype"))?.decodeText() === "Link" && uri) return uri.decodeText();
    }
  }
  return "";
}

/** Pages after the page of each item's field, A4 like it: the sheet's title as header, per item
 *  a heading (H2) and its text (P), wrapped at 10 pt, the sheet's footer. Tagged: a Sect per item
 *  in the structure tree (before the filled-in example's part), marked content on the pages,
 *  header and footer as pagination artifacts. */
function continuation(lib, doc, form, fonts, items, more) {
  const { PDFName, PDFDict, PDFArray, PDFNumber, PDFHexString } = lib;
  const context = doc.context;
  const name = (text) => PDFName.of(text);
  // the font and colour of the form's text fields (the first one that has them)
  const fields = form.lookup(name("Fields"), PDFArray);
  let look = null;
  for (let i = 0; i < fields.size() && !look; i++) {
    const field = context.lookup(fields.get(i), PDFDict);
    try {
      look = appearanceFont(lib, form, field, widgetsOf(lib, context, field)[0]);
    } catch {
      // a button: no font
    }
  }
  if (!look) throw new Error("the PDF has no text field with a font");
  const set = formFonts(lib, context, form, fonts, look.name);
  const regular = { name: look.name, ...set.regular };
  const bold = set.bold;
  const ink = look.colour || "0 0 0 rg";
  const accent = "0.122 0.306 0.475 rg"; // --accent of print.css
  const rule = "0.42 0.42 0.44 RG 0.6 w"; // --line of print.css
  const mm = 72 / 25.4;
  const address = sheetAddress(lib, doc);
  const footer = more.footer || {};
  const header = `${more.title || ""} (${more.messages?.continued || "…"})`;
  // The structure tree: StructTreeRoot > Document > Part (the sheet), Part (the example).
  const tree = doc.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  const parentTree = tree?.lookupMaybe(name("ParentTree"), PDFDict);
  const nums = parentTree?.lookupMaybe(name("Nums"), PDFArray);
  const rootKids = tree?.get(name("K"));
  const documentRef = rootKids instanceof PDFArray ? rootKids.get(0) : rootKids;
  const documentElement = documentRef && context.lookup(documentRef);
  const children = documentElement instanceof PDFDict ? documentElement.lookupMaybe(name("K"), PDFArray) : null;
  const tagged = Boolean(nums && children);
  let nextKey = 0;
  for (let i = 0; nums && i < nums.size(); i += 2) nextKey = Math.max(nextKey, nums.lookup(i).asNumber() + 1);
  const nextKeyEntry = tree?.lookupMaybe(name("ParentTreeNextKey"), PDFNumber);
  if (nextKeyEntry) nextKey = Math.max(nextKey, nextKeyEntry.asNumber());
  const newNums = [];
  const sections = new Map(); // page -> [Sect refs]
  const elements = []; // {ref, type, parent, kids}

  const byPage = new Map();
  for (const item of items) {
    if (!byPage.has(item.page)) byPage.set(item.page, []);
    byPage.get(item.page).push(item);
  }
  // from the last page to the first, so each insertion leaves the earlier indices as they are
  for (const at of [...byPage.keys()].sort((a, b) => b - a)) {
    const box = doc.getPages()[at].getMediaBox();
    const left = 15 * mm;
    const width = box.width - 30 * mm;
    const bodyTop = box.height - 14 * mm - 30;
    const bodyBottom = 14 * mm + 40;
    const lines = []; // {font, size, colour, text, start, end, x, gap, element, block}
    let blocks = 0;
    const sects = [];
    for (const item of byPage.get(at)) {
      const sect = { ref: context.nextRef(), type: "Sect", parent: documentRef, kids: [] };
      const element = (type) => {
        const made = { ref: context.nextRef(), type, parent: sect.ref, kids: [] };
        sect.kids.push(made.ref);
        elements.push(made);
        return made;
      };
      elements.push(sect);
      sects.push(sect.ref);
      const h2 = element("H2");
      const heading = prepare(item.heading, bold.advance);
      // blocks kept on one page where they fit one: the heading with what follows it, a table row
      let block = ++blocks;
      wrap(heading, (width * 1000) / 11).forEach(([start, end], n) =>
        lines.push({ font: bold, size: 11, colour: accent, text: heading, start, end, x: 0, gap: n ? 0 : 8, element: h2, block }),
      );
      item.paragraphs.forEach((paragraph, index) => {
        if (index && (paragraph.row === undefined || paragraph.row !== item.paragraphs[index - 1].row)) block = ++blocks;
        const p = element("P");
        const text = prepare(paragraph.text, regular.advance);
        const indent = paragraph.indent || 0;
        const hang = Math.max(indent, paragraph.hang || 0); // where its second and further lines start
        wrap(text, ((width - hang) * 1000) / 10).forEach(([start, end], n) =>
          lines.push({ font: regular, size: 10, colour: ink, text, start, end, x: n ? hang : indent, gap: n ? 0 : paragraph.gap || 3, element: p, block }),
        );
      });
    }
    sections.set(at, sects);
    // the lines on as many pages as they need
    let page = null;
    let y = 0;
    let ops = [];
    let mcids = [];
    let count = 0;
    const artifact = (kind, draw) => ops.push(`/Artifact <</Type /Pagination /Subtype /${kind}>> BDC`, ...draw, "EMC");
    const textOp = (font, size, colour, x, baseline, hex) => ["BT", `/${font.name} ${num(size)} Tf`, colour, `1 0 0 1 ${num(x)} ${num(baseline)} Tm`, `${hex} Tj`, "ET"];
    const plain = (font, value) => {
      const text = prepare(value, font.advance);
      return hexOf(font, text, 0, text.pieces.length);
    };
    const finish = () => {
      if (!page) return;
      const node = page.node;
      quiet(context, () => {
        node.set(name("Contents"), context.register(context.flateStream(ops.join("\n"))));
        node.set(name("Resources"), context.obj({ Font: { [regular.name]: regular.ref, [bold.name]: bold.ref } }));
        if (!tagged) return;
        node.set(name("StructParents"), PDFNumber.of(nextKey));
        node.set(name("Tabs"), name("S"));
        newNums.push(PDFNumber.of(nextKey), context.obj(mcids.map((element) => element.ref)));
        mcids.forEach((element, mcid) => element.kids.push(context.obj({ Type: "MCR", Pg: page.ref, MCID: mcid })));
      });
      nextKey += 1;
      page = null;
    };
    const start = () => {
      count += 1;
      // pdf-lib marks what a new page changes by scanning the file; the new page is saved anyway,
      // the page tree above it is marked here
      page = quiet(context, () => doc.insertPage(at + count, [box.width, box.height]));
      for (let ref = page.node.get(name("Parent")); ref; ref = context.lookup(ref, PDFDict).get(name("Parent"))) {
        context.snapshot?.markRefForSave(ref);
      }
      ops = [];
      mcids = [];
      const headerLine = box.height - 14 * mm - 18;
      artifact("Header", [
        ...textOp(bold, 11, accent, left, box.height - 14 * mm - 11, plain(bold, header)),
        rule,
        `${num(left)} ${num(headerLine)} m ${num(left + width)} ${num(headerLine)} l S`,
      ]);
      const online = address ? `${footer.online || ""}: ${address}` : footer.online || "";
      artifact("Footer", [
        rule,
        `${num(left)} ${num(14 * mm + 30)} m ${num(left + width)} ${num(14 * mm + 30)} l S`,
        ...textOp(regular, 9, ink, left, 14 * mm + 17, plain(regular, online)),
        ...textOp(regular, 9, ink, left, 14 * mm + 5, plain(regular, footer.meta || "")),
      ]);
      y = bodyTop;
    };
    const heights = new Map();
    for (const line of lines) heights.set(line.block, (heights.get(line.block) || 0) + line.gap + line.size * 1.35);
    lines.forEach((line, index) => {
      const height = line.size * 1.35;
      const first = !index || lines[index - 1].block !== line.block;
      const whole = heights.get(line.block);
      if (page && first && y - whole < bodyBottom && whole <= bodyTop - bodyBottom) {
        finish();
        start();
      } else if (!page || y - line.gap - height < bodyBottom) {
        finish();
        start();
      } else y -= line.gap;
      y -= height;
      ops.push(`/${line.element.type} <</MCID ${mcids.length}>> BDC`);
      mcids.push(line.element);
      const baseline = y + (-line.font.descent * line.size) / 1000;
      ops.push(...textOp(line.font, line.size, line.colour, left + line.x, baseline, hexOf(line.font, line.text, line.start, line.end)), "EMC");
    });
    finish();
  }
  if (!tagged) return;
  quiet(context, () => {
    for (const element of elements) {
      context.assign(element.ref, context.obj({ Type: "StructElem", S: element.type, P: element.parent, K: element.kids }));
    }
  });
  // The sections in page order, before the filled-in example (the document's last part).
  const added = [...sections.keys()].sort((a, b) => a - b).flatMap((at) => sections.get(at));
  const kids = children.asArray();
  const where = kids.length >= 2 ? kids.length - 1 : kids.length;
  documentElement.set(name("K"), quiet(context, () => context.obj([...kids.slice(0, where), ...added, ...kids.slice(where)])));
  parentTree.set(name("Nums"), quiet(context, () => context.obj([...nums.asArray(), ...newNums])));
  if (nextKeyEntry) tree.set(name("ParentTreeNextKey"), PDFNumber.of(nextKey));
}

// --- DOCX ---------------------------------------------------------------------------------------

/** The filled-in DOCX of `sheet` in `lang`: {blob, name}. */
export async function fillDocx(sheet, lang, answers, options = {}) {
  const data = await dataFor(sheet, lang, options);
  const [zip, bytes] = await Promise.all([fflate(), bytesOf(data.files.docx)]);
  const filled = fillDocxBytes(zip, bytes, values(data, answers, "docx"), overflow(data, answers, "docx"));
  const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return { blob: new Blob([filled], { type }), name: downloadName(data, "docx", options.name) };
}

/** Fill the content controls of DOCX `bytes` (every other part of the file stays as it was). */
export function fillDocxBytes(zip, bytes, entries, tables = []) {
  const files = zip.unzipSync(bytes);
  const part = "word/document.xml";
  const xml = new TextDecoder().decode(files[part]);
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) throw new Error(`${part} does not parse`);
  const controls = new Map();
  for (const sdt of doc.getElementsByTagNameNS(W, "sdt")) {
    const tag = child(child(sdt, W, "sdtPr"), W, "tag");
    if (tag) controls.set(tag.getAttributeNS(W, "val"), sdt);
  }
  const missing = [];
  for (const table of tables) moreRows(doc, controls, table, missing);
  for (const entry of entries) {
    const sdt = controls.get(entry.name);
    if (!sdt) missing.push(entry.name);
    else if (entry.text !== undefined) setText(doc, sdt, entry.text);
    else if (entry.checked !== undefined) setChecked(sdt, entry.checked);
  }
  if (missing.length) throw new Error(`not in this Word file: ${missing.join(", ")}`);
  let out = new XMLSerializer().serializeToString(doc);
  if (!out.startsWith("<?xml")) out = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + out;
  files[part] = new TextEncoder().encode(out);
  return zip.zipSync(files, { level: 6 });
}

/** The table's further rows: copies of its last row, each control tagged and named for its row,
 *  filled in, added to `controls`. */
function moreRows(doc, controls, table, missing) {
  const sdt = controls.get(table.last[0]);
  let row = sdt;
  while (row && !(row.namespaceURI === W && row.localName === "tr")) row = row.parentNode;
  if (!row) return missing.push(table.last[0]);
  let id = 0;
  for (const node of doc.getElementsByTagNameNS(W, "id")) id = Math.max(id, Number(node.getAttributeNS(W, "val")) || 0);
  const last = table.first - 1;
  let after = row;
  table.rows.forEach((cells, index) => {
    const number = table.first + index;
    const copy = row.cloneNode(true);
    const byTag = new Map();
    for (const control of copy.getElementsByTagNameNS(W, "sdt")) {
      const properties = child(control, W, "sdtPr");
      const tag = child(properties, W, "tag");
      const alias = child(properties, W, "alias");
      const ident = child(properties, W, "id");
      const old = tag.getAttributeNS(W, "val");
      const name = old.replace(new RegExp(`-r${last}(?=-|$)`), `-r${number}`);
      tag.setAttributeNS(W, "w:val", name === old ? `${old}-${number}` : name);
      if (alias) alias.setAttributeNS(W, "w:val", alias.getAttributeNS(W, "val").replace(/\d+$/, String(number)));
      if (ident) ident.setAttributeNS(W, "w:val", String(++id));
      byTag.set(old, control);
    }
    table.last.forEach((name, c) => {
      const control = byTag.get(name);
      if (control && cells[c]?.text) setText(doc, control, cells[c].text);
    });
    after.parentNode.insertBefore(copy, after.nextSibling);
    after = copy;
  });
}

function child(parent, ns, local) {
  if (!parent) return null;
  for (const node of parent.children) if (node.namespaceURI === ns && node.localName === local) return node;
  return null;
}

/** Replace what a text control shows by `text` (new lines as line breaks, tabs as tabs). */
function setText(doc, sdt, text) {
  const properties = child(sdt, W, "sdtPr");
  const placeholder = child(properties, W, "showingPlcHdr");
  if (placeholder) placeholder.remove();
  // LibreOffice drops the line breaks of a plain-text control (w:text, even with w:multiLine):
  // an answer of more than one line goes in as rich text, which Word and LibreOffice both keep.
  const plain = child(properties, W, "text");
  if (plain && text.includes("\n")) plain.remove();
  const content = child(sdt, W, "sdtContent");
  const first = content.getElementsByTagNameNS(W, "r")[0];
  const format = first && child(first, W, "rPr");
  while (content.firstChild) content.firstChild.remove();
  const run = doc.createElementNS(W, "w:r");
  if (format) run.appendChild(format.cloneNode(true));
  text.split("\n").forEach((line, index) => {
    if (index) run.appendChild(doc.createElementNS(W, "w:br"));
    line.split("\t").forEach((piece, k) => {
      if (k) run.appendChild(doc.createElementNS(W, "w:tab"));
      if (!piece) return;
      const t = doc.createElementNS(W, "w:t");
      t.setAttributeNS(XML_NS, "xml:space", "preserve");
      t.textContent = piece;
      run.appendChild(t);
    });
  });
  content.appendChild(run);
}

/** Tick (or untick) a check box control and the symbol it shows. */
function setChecked(sdt, checked) {
  const box = child(child(sdt, W, "sdtPr"), W14, "checkbox");
  if (!box) throw new Error("a check box control has no w14:checkbox");
  child(box, W14, "checked").setAttributeNS(W14, "w14:val", checked ? "1" : "0");
  const state = child(box, W14, checked ? "checkedState" : "uncheckedState");
  const symbol = String.fromCodePoint(parseInt(state.getAttributeNS(W14, "val"), 16));
  const t = child(sdt, W, "sdtContent").getElementsByTagNameNS(W, "t")[0];
  if (t) t.textContent = symbol;
}
