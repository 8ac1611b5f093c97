/* Names: of a copy typed or imported, of the files a sheet downloads, and the interface texts'
 * placeholders. Pure: no DOM (node --test: tests/js/answers-store.test.mjs). */

import { has } from "../site/dict.js";

export const NAME_LENGTH = 80; // a copy's name, at most

/** `template` with each {key} that `values` holds replaced (any other {…} left as it is). */
export function format(template, values) {
  return String(template ?? "").replace(/\{(\w+)\}/g, (all, key) => (has(values, key) ? values[key] : all));
}

/** A copy's name as typed: spaces collapsed, trimmed, at most NAME_LENGTH characters. */
export function copyName(text) {
  return String(text).replace(/\s+/g, " ").trim().slice(0, NAME_LENGTH);
}

/** Text as part of a file name: a-z, 0-9 and dashes, accents dropped, at most 40 characters. */
export function slug(text) {
  return String(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** The name of a published file without folder and extension ('draaiboek' for …/draaiboek.pdf). */
export function baseName(path) {
  return String(path).split("/").pop().replace(/\.\w+$/, "");
}

/** A download's name without extension: the sheet's PDF name, what it holds, the copy's name
 *  ('draaiboek-ingevuld-regio-noord'; an unnamed copy adds nothing). */
export function fileBase(pdfPath, suffix, copy) {
  const name = slug(copy);
  return baseName(pdfPath) + "-" + suffix + (name ? "-" + name : "");
}

/** The download's full name of a filled-in file: `name`, else the sheet's file name with
 *  `filled` ('draaiboek-ingevuld'), and the extension. */
export function downloadName(filePath, kind, filled, name) {
  return `${name || baseName(filePath) + "-" + filled}.${kind}`;
}

const two = (n) => (n < 10 ? "0" : "") + n;

/** The name of an imported copy that had none: the file's name, or when that is the name an
 *  export of an unnamed copy gets (`plain`), `template` with the day and time of the export (or
 *  of the file, or now). */
export function importName(fileName, plain, template, exported, lastModified, now = Date.now()) {
  const name = copyName(
    String(fileName || "")
      .replace(/\.json$/i, "")
      .replace(/\s*\(\d+\)$/, ""),
  );
  if (name && name !== plain) return name;
  let when = new Date(typeof exported === "string" ? exported : lastModified || now);
  if (isNaN(when.getTime())) when = new Date(now);
  const stamp = when.getFullYear() + "-" + two(when.getMonth() + 1) + "-" + two(when.getDate());
  return format(template, { date: stamp + " " + two(when.getHours()) + ":" + two(when.getMinutes()) });
}
