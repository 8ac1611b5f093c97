/* The filled-in DOCX: the published Word file with the answers in its content controls (w:sdt,
 * tagged with the field names), edited as XML with DOMParser and XMLSerializer; line breaks as
 * w:br; table rows beyond the sheet's table as more rows with controls of their own. The zip
 * library (fflate) comes in as `zip`. */

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

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
