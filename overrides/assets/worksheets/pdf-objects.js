/* The objects of a published worksheet PDF as the filler reads and writes them (pdf-lib, passed
 * in as `lib`): fields and their widgets, check box states, the form's fonts and their glyphs.
 * No DOM (it runs in node too: bench/fill.mjs). */

/* pdf-lib, for an incremental update, looks for the object that holds every dictionary or array
 * it changes (a scan of the whole file, per change, and per entry of every object it builds).
 * New objects are saved anyway: build them with that bookkeeping off, and change the file's own
 * objects only where they are indirect (found at once) or once. */
export function quiet(context, make) {
  const snapshot = context.snapshot;
  context.snapshot = undefined;
  try {
    return make();
  } finally {
    context.snapshot = snapshot;
  }
}

export function widgetsOf(lib, context, field) {
  const kids = field.lookupMaybe(lib.PDFName.of("Kids"), lib.PDFArray);
  if (!kids) return [field];
  const out = [];
  for (let i = 0; i < kids.size(); i++) out.push(context.lookup(kids.get(i), lib.PDFDict));
  return out;
}

export function sizeOf(lib, widget) {
  const rect = widget.lookup(lib.PDFName.of("Rect"), lib.PDFArray).asArray().map((n) => n.asNumber());
  return [Math.abs(rect[2] - rect[0]), Math.abs(rect[3] - rect[1])];
}

export function onState(lib, widget) {
  const normal = widget.lookupMaybe(lib.PDFName.of("AP"), lib.PDFDict)?.lookup(lib.PDFName.of("N"));
  if (!(normal instanceof lib.PDFDict)) return null;
  const key = normal.keys().map((k) => k.decodeText()).find((k) => k !== "Off");
  return key || null;
}

/** A check box or radio button draws its 'on' state (WeasyPrint's tick or dot); give it an
 *  empty 'Off' state too, so no viewer has to make one up. */
export function offState(lib, context, widget, off) {
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
export function fontInfo(lib, context, ref) {
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
export function formFonts(lib, context, form, fonts, fontName) {
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
export function hexOf(font, text, start, end, tail = "") {
  let out = "<";
  const add = (piece) => {
    for (const char of piece) out += (font.glyphs.get(char) ?? font.glyphs.get("?") ?? 0).toString(16).padStart(4, "0");
  };
  for (let i = start; i < end; i++) add(text.pieces[i]);
  add(tail);
  return out + ">";
}

export const num = (value) => (Math.round(value * 1000) / 1000).toString();

export function appearanceFont(lib, form, field, widget) {
  const { PDFName } = lib;
  const da = (widget.lookup(PDFName.of("DA")) || field.lookup(PDFName.of("DA")) || form.lookup(PDFName.of("DA")))?.decodeText() || "";
  const font = da.match(/\/([^\s/]+)\s+([\d.]+)\s+Tf/);
  if (!font) throw new Error(`field ${field.lookup(PDFName.of("T"))?.decodeText()} has no font`);
  const colour = da.match(/([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg/);
  return { name: font[1], size: Number(font[2]) || 10, colour: colour ? `${colour[1]} ${colour[2]} ${colour[3]} rg` : "" };
}


/** The sheet's address, as its footer links to it (the first web link of the file). */
export function sheetAddress(lib, doc) {
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
