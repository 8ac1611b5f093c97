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
 * there. Library: @cantoo/pdf-lib (vendor/). Code: fill-pdf.js, pdf-continuation.js, pdf-objects.js.
 * DOCX: the published Word file with the answers in its content controls (w:sdt, tagged with the
 * field names), edited as XML with DOMParser and XMLSerializer; line breaks as w:br. Library:
 * fflate (vendor/). Code: fill-docx.js. The answers as entries of the files: entries.js.
 * Both libraries load on the first call. Nothing is sent anywhere; the only requests are for
 * files of this site.
 *
 * A table answer with more rows than the sheet's table (the planner's export of a long plan) loses
 * nothing: the DOCX gets more rows in that table (content controls like the others, numbered on);
 * the PDF writes every further row out (label: text per column) on the continuation pages.
 */

import { downloadName } from "./names.js";
import { entries, overflow } from "./entries.js";
import { fillDocxBytes } from "./fill-docx.js";
import { fillPdfBytes } from "./fill-pdf.js";

// The names other code imports from here (the planner's export, bench/fill.mjs, the tests).
export { clean } from "./entries.js";
export { fillDocxBytes } from "./fill-docx.js";
export { fillPdfBytes } from "./fill-pdf.js";
export { parseToUnicode } from "./pdf-objects.js";
export { save } from "../site/save.js";

const HERE = new URL(".", import.meta.url); // .../assets/worksheets/
const ROOT = new URL("../../", HERE);
const loaded = {};

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

async function dataFor(sheet, lang, options) {
  const data = options.data || (await sheetData(sheet, lang));
  if (data.sheet !== sheet || data.lang !== lang) throw new Error(`the field data is for ${data.sheet} (${data.lang})`);
  return data;
}

/** The filled-in PDF of `sheet` in `lang`: {blob, name}. */
export async function fillPdf(sheet, lang, answers, options = {}) {
  const data = await dataFor(sheet, lang, options);
  const [lib, bytes] = await Promise.all([pdfLib(), bytesOf(data.files.pdf)]);
  const filled = await fillPdfData(lib, bytes, data, answers);
  return { blob: new Blob([filled], { type: "application/pdf" }), name: downloadName(data.files.pdf, "pdf", data.messages.filled, options.name) };
}

/** The published PDF `bytes` of a sheet filled with `answers` (`data`: the sheet's field data),
 *  without fetching anything: what fillPdf does once it has the library and the file. */
export function fillPdfData(lib, bytes, data, answers) {
  const more = { tables: overflow(data, answers, "pdf"), messages: data.messages, title: data.title, footer: data.footer };
  return fillPdfBytes(lib, bytes, entries(data, answers, "pdf"), more);
}

/** The filled-in DOCX of `sheet` in `lang`: {blob, name}. */
export async function fillDocx(sheet, lang, answers, options = {}) {
  const data = await dataFor(sheet, lang, options);
  const [zip, bytes] = await Promise.all([fflate(), bytesOf(data.files.docx)]);
  const filled = fillDocxBytes(zip, bytes, entries(data, answers, "docx"), overflow(data, answers, "docx"));
  const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return { blob: new Blob([filled], { type }), name: downloadName(data.files.docx, "docx", data.messages.filled, options.name) };
}
