/* The continuation pages of a filled-in PDF: what did not fit its field, table rows beyond the
 * sheet's table and the note on characters the font lacks, on pages after the field's page with
 * the sheet's title and footer, tagged. Which line goes on which page: pages.js. No DOM. */

import { paginate } from "./pages.js";
import { appearanceFont, formFonts, hexOf, num, quiet, sheetAddress, widgetsOf } from "./pdf-objects.js";
import { prepare, wrap } from "./wrap.js";

/** Pages after the page of each item's field, A4 like it: the sheet's title as header, per item
 *  a heading (H2) and its text (P), wrapped at 10 pt, the sheet's footer. Tagged: a Sect per item
 *  in the structure tree (before the filled-in example's part), marked content on the pages,
 *  header and footer as pagination artifacts. */
export function continuation(lib, doc, form, fonts, items, more) {
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
    // the lines on as many pages as they need (pages.js)
    let page = null;
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
    };
    for (const placed of paginate(lines, bodyTop, bodyBottom)) {
      start();
      for (const { line, y } of placed) {
        ops.push(`/${line.element.type} <</MCID ${mcids.length}>> BDC`);
        mcids.push(line.element);
        const baseline = y + (-line.font.descent * line.size) / 1000;
        ops.push(...textOp(line.font, line.size, line.colour, left + line.x, baseline, hexOf(line.font, line.text, line.start, line.end)), "EMC");
      }
      finish();
    }
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
