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
 * are; nothing is flattened). Each text field gets an appearance drawn with the font the PDF
 * already carries for its fields (so 'ĳ', 'ë' and the rest show in viewers that do not redraw
 * fields), and NeedAppearances stays on for those that do. Library: @cantoo/pdf-lib (vendor/).
 * DOCX: the published Word file with the answers in its content controls (w:sdt, tagged with the
 * field names), edited as XML with DOMParser and XMLSerializer. Library: fflate (vendor/).
 * Both libraries load on the first call. Nothing is sent anywhere; the only requests are for
 * files of this site.
 *
 * A table answer with more rows than the sheet's table (the planner's export of a long plan) loses
 * nothing: the DOCX gets more rows in that table (content controls like the others, numbered on);
 * the PDF gets continuation pages after the table's page, with every further row written out
 * (label: text per column) in the form's own font.
 */

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
      if (typeof value === "string" && value) out.push({ name: field[kind], text: clean(value), multiline: field.type === "longtext" });
    } else if (field.type === "table" && Array.isArray(value)) {
      field[kind].forEach((names, r) => {
        const cells = value[r] || {};
        names.forEach((name, c) => {
          const text = cells[field.columns[c].id];
          if (typeof text === "string" && text) out.push({ name, text: clean(text), multiline: false });
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
    out.push({ label: field.label, first: field[kind].length + 1, last: field[kind][field[kind].length - 1], rows });
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

/** The filled-in PDF of `sheet` in `lang`: {blob, name}. */
export async function fillPdf(sheet, lang, answers, options = {}) {
  const data = await dataFor(sheet, lang, options);
  const [lib, bytes] = await Promise.all([pdfLib(), bytesOf(data.files.pdf)]);
  const more = { tables: overflow(data, answers, "pdf"), continued: data.messages.continued || "…" };
  const filled = await fillPdfBytes(lib, bytes, values(data, answers, "pdf"), more);
  return { blob: new Blob([filled], { type: "application/pdf" }), name: downloadName(data, "pdf", options.name) };
}

/** Fill the form fields of PDF `bytes` and return the bytes with an incremental update. */
export async function fillPdfBytes(lib, bytes, entries, more = { tables: [] }) {
  const { PDFDocument, PDFName, PDFDict, PDFArray, PDFHexString } = lib;
  const name = (text) => PDFName.of(text);
  const doc = await PDFDocument.load(bytes, { forIncrementalUpdate: true, updateMetadata: false });
  const context = doc.context;
  const form = doc.catalog.lookup(name("AcroForm"), PDFDict);
  const fields = form.lookup(name("Fields"), PDFArray);
  const byName = new Map();
  for (let i = 0; i < fields.size(); i++) {
    const dict = context.lookup(fields.get(i), PDFDict);
    const title = dict.lookup(name("T"));
    if (!title) continue;
    const key = title.decodeText();
    const known = byName.get(key);
    // WeasyPrint lists a radio group and its buttons; the group (the one with /Kids) wins.
    if (!known || (!known.has(name("Kids")) && dict.has(name("Kids")))) byName.set(key, dict);
  }
  const fonts = new Map();
  const missing = [];
  const drawn = { all: true };
  for (const entry of entries) {
    const field = byName.get(entry.name);
    if (!field) {
      missing.push(entry.name);
      continue;
    }
    if (entry.text !== undefined) {
      field.set(name("V"), PDFHexString.fromText(entry.text));
      const multiline = entry.multiline || ((field.lookup(name("Ff"))?.asNumber() ?? 0) & 4096) !== 0;
      for (const widget of widgetsOf(lib, context, field)) {
        if (!drawText(lib, context, form, fonts, field, widget, entry.text, multiline)) drawn.all = false;
      }
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
      else missing.push(`${entry.name}=${entry.choice}`);
    }
  }
  if (missing.length) throw new Error(`not in this PDF: ${missing.join(", ")}`);
  for (const table of more.tables) {
    const last = byName.get(table.last[0]);
    if (!last) throw new Error(`not in this PDF: ${table.last[0]}`);
    if (!continuation(lib, doc, form, fonts, last, table, more.continued)) drawn.all = false;
  }
  // Every filled field now has its own appearance: viewers should show those rather than redraw
  // fields themselves (some redraw check boxes as empty, and none shrink a long text to fit). Only
  // when the font lacks a character of an answer ('?' drawn) may a viewer with more fonts redraw.
  form.set(name("NeedAppearances"), lib.PDFBool[drawn.all ? "False" : "True"]);
  return doc.save();
}

function widgetsOf(lib, context, field) {
  const kids = field.lookupMaybe(lib.PDFName.of("Kids"), lib.PDFArray);
  if (!kids) return [field];
  const out = [];
  for (let i = 0; i < kids.size(); i++) out.push(context.lookup(kids.get(i), lib.PDFDict));
  return out;
}

function onState(lib, widget) {
  const normal = widget.lookupMaybe(lib.PDFName.of("AP"), lib.PDFDict)?.lookup(lib.PDFName.of("N"));
  if (!(normal instanceof lib.PDFDict)) return null;
  const key = normal.keys().map((k) => k.decodeText()).find((k) => k !== "Off");
  return key || null;
}

/** What a Type0 (Identity-H) font of the form can draw: Unicode -> glyph id, widths, ascent. */
function fontInfo(lib, context, form, fontName) {
  const { PDFName, PDFDict, PDFArray, decodePDFRawStream } = lib;
  const ref = form.lookupMaybe(PDFName.of("DR"), PDFDict)?.lookupMaybe(PDFName.of("Font"), PDFDict)?.get(PDFName.of(fontName));
  const font = ref && context.lookup(ref, PDFDict);
  if (!font || font.lookup(PDFName.of("Subtype"))?.decodeText() !== "Type0") {
    throw new Error(`the PDF's form font ${fontName} is not a Type0 font`);
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
  return {
    ref,
    glyphs,
    widths,
    fallback: cid.lookup(PDFName.of("DW"))?.asNumber() ?? 1000,
    ascent: descriptor?.lookup(PDFName.of("Ascent"))?.asNumber() ?? 800,
    descent: descriptor?.lookup(PDFName.of("Descent"))?.asNumber() ?? -200,
  };
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

/** The glyph ids of `text` in `font` ('?' for a character the font does not have). */
function glyphsOf(font, text) {
  const out = [];
  for (const char of text) {
    const code = font.glyphs.get(char) ?? font.glyphs.get("?");
    if (code !== undefined) out.push(code);
  }
  return out;
}

function widthOf(font, codes, size) {
  return (codes.reduce((sum, code) => sum + (font.widths.get(code) ?? font.fallback), 0) * size) / 1000;
}

/** Lines of at most `width` points: words wrap, a word longer than a line is cut. */
function wrap(font, text, size, width) {
  const lines = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/(?<=\s)/)) {
      const candidate = line + word;
      if (!line || widthOf(font, glyphsOf(font, candidate.trimEnd()), size) <= width) {
        line = candidate;
        continue;
      }
      lines.push(line.trimEnd());
      line = word;
    }
    // cut what is still too wide, character by character
    while (widthOf(font, glyphsOf(font, line.trimEnd()), size) > width && [...line].length > 1) {
      const chars = [...line];
      let n = chars.length - 1;
      while (n > 1 && widthOf(font, glyphsOf(font, chars.slice(0, n).join("")), size) > width) n--;
      lines.push(chars.slice(0, n).join(""));
      line = chars.slice(n).join("");
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

const hex = (codes) => "<" + codes.map((code) => code.toString(16).padStart(4, "0")).join("") + ">";
const num = (value) => (Math.round(value * 1000) / 1000).toString();

/** Give `widget` a normal appearance showing `text` in the field's own font, size and colour
 *  (the size shrinks, down to 6 pt, until the text fits the box; what still does not fit is cut
 *  off in the appearance, never in the value). True when the font has every character. */
function drawText(lib, context, form, fonts, field, widget, text, multiline) {
  const { PDFName, PDFArray } = lib;
  const da = (widget.lookup(PDFName.of("DA")) || field.lookup(PDFName.of("DA")) || form.lookup(PDFName.of("DA")))?.decodeText() || "";
  const fontMatch = da.match(/\/([^\s/]+)\s+([\d.]+)\s+Tf/);
  if (!fontMatch) throw new Error(`field ${field.lookup(PDFName.of("T")).decodeText()} has no font`);
  const colour = da.match(/([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg/);
  if (!fonts.has(fontMatch[1])) fonts.set(fontMatch[1], fontInfo(lib, context, form, fontMatch[1]));
  const font = fonts.get(fontMatch[1]);
  const rect = widget.lookup(PDFName.of("Rect"), PDFArray).asArray().map((n) => n.asNumber());
  const width = Math.abs(rect[2] - rect[0]);
  const height = Math.abs(rect[3] - rect[1]);
  const pad = 2;
  const room = width - 2 * pad;
  const line = (size) => ((font.ascent - font.descent) * size) / 1000;
  let size = Number(fontMatch[2]) || 10;
  let lines;
  for (;;) {
    lines = multiline ? wrap(font, text, size, room) : [text.replace(/\s*\n\s*/g, " ")];
    const fits = multiline
      ? lines.length * line(size) * 1.1 <= height - 2 * pad
      : widthOf(font, glyphsOf(font, lines[0]), size) <= room;
    if (fits || size <= 6) break;
    size = Math.max(6, size - 0.5);
  }
  const leading = line(size) * 1.1;
  const top = multiline ? height - pad - (font.ascent * size) / 1000 : (height - line(size)) / 2 - (font.descent * size) / 1000;
  const ops = ["/Tx BMC", "q", `1 1 ${num(width - 2)} ${num(height - 2)} re W n`, "BT", `/${fontMatch[1]} ${num(size)} Tf`];
  if (colour) ops.push(`${colour[1]} ${colour[2]} ${colour[3]} rg`);
  ops.push(`${pad} ${num(top)} Td`);
  lines.forEach((text, index) => {
    if (index) ops.push(`0 ${num(-leading)} Td`);
    ops.push(`${hex(glyphsOf(font, text))} Tj`);
  });
  ops.push("ET", "Q", "EMC");
  const stream = context.flateStream(ops.join("\n"), {
    Type: "XObject",
    Subtype: "Form",
    BBox: [0, 0, width, height],
    Resources: { Font: { [fontMatch[1]]: font.ref } },
  });
  widget.set(PDFName.of("AP"), context.obj({ N: context.register(stream) }));
  return [...text].every((char) => /\s/.test(char) || font.glyphs.has(char)); // every character drawn
}

/** Pages after the one that holds `field` (the table's last row) with the rows the table has no
 *  room for: a heading, then per row its number and 'label: text' per filled column, wrapped, in
 *  the form's font. True when the font has every character. */
function continuation(lib, doc, form, fonts, field, table, continued) {
  const { PDFName } = lib;
  const context = doc.context;
  const widget = widgetsOf(lib, context, field)[0];
  const da = (widget.lookup(PDFName.of("DA")) || field.lookup(PDFName.of("DA")) || form.lookup(PDFName.of("DA")))?.decodeText() || "";
  const fontName = da.match(/\/([^\s/]+)\s+[\d.]+\s+Tf/)?.[1];
  if (!fontName) throw new Error("the table's fields have no font");
  const colour = da.match(/([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg/);
  if (!fonts.has(fontName)) fonts.set(fontName, fontInfo(lib, context, form, fontName));
  const font = fonts.get(fontName);
  const pages = doc.getPages();
  const pageRef = widget.get(PDFName.of("P"));
  let at = pages.findIndex((page) => page.ref === pageRef);
  if (at < 0) at = pages.length - 1;
  const box = pages[at].getMediaBox();
  const margin = 56;
  const width = box.width - 2 * margin;
  const line = (size) => (((font.ascent - font.descent) * size) / 1000) * 1.25;
  let all = true;
  const lines = [{ text: `${table.label} (${continued})`, size: 14, gap: 8 }];
  table.rows.forEach((row, index) => {
    const filled = row.filter((cell) => cell.text);
    if (!filled.length) return;
    const number = `${table.first + index}. `;
    filled.forEach((cell, k) => {
      const text = (k ? "" : number) + `${cell.label}: ${cell.text}`;
      wrap(font, text, 10, width - (k ? 14 : 0)).forEach((piece, n) => lines.push({ text: piece, size: 10, indent: k || n ? 14 : 0 }));
      if (![...cell.text].every((char) => /\s/.test(char) || font.glyphs.has(char))) all = false;
    });
    lines[lines.length - 1].gap = 6;
  });
  let ops = null;
  let y = 0;
  const flush = () => {
    if (!ops) return;
    ops.push("ET");
    const stream = context.flateStream(ops.join("\n"));
    const page = doc.insertPage(++at, [box.width, box.height]);
    page.node.set(PDFName.of("Contents"), context.register(stream));
    page.node.set(PDFName.of("Resources"), context.obj({ Font: { [fontName]: font.ref } }));
    ops = null;
  };
  for (const item of lines) {
    const height = line(item.size);
    if (!ops || y - height < margin) {
      flush();
      ops = ["BT"];
      if (colour) ops.push(`${colour[1]} ${colour[2]} ${colour[3]} rg`);
      y = box.height - margin;
    }
    y -= height;
    ops.push(`/${fontName} ${num(item.size)} Tf`, `1 0 0 1 ${num(margin + (item.indent || 0))} ${num(y)} Tm`, `${hex(glyphsOf(font, item.text))} Tj`);
    y -= item.gap || 0;
  }
  flush();
  return all;
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
