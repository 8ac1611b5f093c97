/* Line breaking for the filled-in PDF (fill.js), without the DOM: `node --test` checks it
 * (tests/js/wrap.test.mjs).
 *
 *   const text = prepare("Ons standpunt …", advance);  // once per answer
 *   const lines = wrap(text, 28000);                   // ranges of pieces, at most 28000 units wide
 *   const box = fit(text, {sizes: [10, 9.5, 9], width: 200, lines: (size) => 3});
 *
 * `advance(char)` gives the width of one character in font units (1000 to the em), or undefined
 * when the font does not have it. `prepare` measures every character once: a grapheme the font
 * cannot draw becomes the marker MARK (one piece, never cut), and the widths are summed up front,
 * so the width of any run of pieces is one subtraction. `wrap` breaks at spaces and new lines and
 * cuts a word longer than a line with a binary search on those sums: linear in the text, whatever
 * the words (a 6,000-letter word, 3,000 CJK characters) or the number of sizes tried.
 */

export const MARK = "‹?›"; // what a character the font lacks prints as
export const ELLIPSIS = "…"; // ends the last line of a field whose text goes on elsewhere

const TEXT = 0;
const SPACE = 1;
const NEWLINE = 2;

let segmenter = null;

function graphemes(text) {
  // one piece per character unless the text has something that joins characters into one:
  // combining marks, joiners, variation selectors, characters beyond the BMP (emoji), Hangul jamo
  if (!/[\u0300-\u036F\u0483-\u0489\u0591-\u0DFF\u1100-\u11FF\u1AB0-\u1AFF\u1DC0-\u1DFF\u200C\u200D\u20D0-\u20FF\uD800-\uDFFF\uFE00-\uFE0F\uFE20-\uFE2F]/.test(text)) {
    return Array.from(text);
  }
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const out = [];
    for (const part of segmenter.segment(text)) out.push(part.segment);
    return out;
  }
  return Array.from(text);
}

/** Measure `text` once: {pieces, kinds, prefix, missing, ellipsis}. pieces[i] is what is drawn
 *  (a character, or MARK), prefix[i] the width of pieces[0..i) in font units, missing the
 *  graphemes replaced by MARK (each once, in order of appearance). */
export function prepare(text, advance) {
  const source = graphemes(String(text ?? "").replace(/\r\n?/g, "\n").normalize("NFC"));
  const n = source.length;
  const pieces = new Array(n);
  const kinds = new Uint8Array(n);
  const prefix = new Float64Array(n + 1);
  const missing = [];
  const seen = new Set();
  const known = new Map();
  const widthOf = (piece) => {
    if (known.has(piece)) return known.get(piece);
    let width = 0;
    for (const char of piece) {
      const w = advance(char);
      if (w === undefined || w === null) {
        width = null;
        break;
      }
      width += w;
    }
    known.set(piece, width);
    return width;
  };
  const markWidth = widthOf(MARK) ?? 0;
  for (let i = 0; i < n; i++) {
    let piece = source[i];
    if (piece === "\n") kinds[i] = NEWLINE;
    else if (/^\s+$/u.test(piece)) {
      kinds[i] = SPACE;
      piece = " ";
    }
    let width = kinds[i] === NEWLINE ? 0 : widthOf(piece);
    if (width === null) {
      if (!seen.has(piece)) {
        seen.add(piece);
        missing.push(piece);
      }
      piece = MARK;
      width = markWidth;
    }
    pieces[i] = piece;
    prefix[i + 1] = prefix[i] + width;
  }
  return { pieces, kinds, prefix, missing, ellipsis: widthOf(ELLIPSIS) ?? 0 };
}

/** The largest c in [low, high] with prefix[c] - prefix[start] + extra <= max (low when none). */
function cut(prefix, start, low, high, max, extra = 0) {
  let lo = low;
  let hi = high;
  if (prefix[hi] - prefix[start] + extra <= max) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (prefix[mid] - prefix[start] + extra <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lines of at most `max` font units: [[start, end], …] (ranges of pieces, spaces at the ends
 *  left out). Breaks at spaces; a new line always breaks (an empty paragraph is an empty line); a
 *  word wider than a line is cut where the line is full (at least one piece per line). */
export function wrap(text, max) {
  const { kinds, prefix } = text;
  const n = kinds.length;
  const lines = [];
  let a = 0;
  for (;;) {
    let b = a;
    while (b < n && kinds[b] !== NEWLINE) b++;
    let start = -1; // the current line's first piece (-1: no line yet)
    let end = -1;
    let k = a;
    while (k < b) {
      while (k < b && kinds[k] === SPACE) k++;
      if (k >= b) break;
      let w = k;
      while (w < b && kinds[w] !== SPACE) w++;
      if (start >= 0 && prefix[w] - prefix[start] > max) {
        lines.push([start, end]);
        start = -1;
      }
      if (start < 0) {
        start = k;
        while (prefix[w] - prefix[start] > max && w - start > 1) {
          const at = Math.max(start + 1, cut(prefix, start, start + 1, w, max));
          lines.push([start, at]);
          start = at;
        }
      }
      end = w;
      k = w;
    }
    lines.push(start >= 0 ? [start, end] : [a, a]);
    if (b >= n) break;
    a = b + 1;
  }
  return lines;
}

/** The pieces [start, end) as one string. */
export function textOf(text, start, end) {
  return text.pieces.slice(start, end).join("");
}

/** The text from piece `start` to the end, as typed (markers for what the font lacks). */
export function restOf(text, start) {
  let out = "";
  for (let i = start; i < text.pieces.length; i++) out += text.kinds[i] === NEWLINE ? "\n" : text.pieces[i];
  return out;
}

/** Lay `text` out in a box: the largest of `sizes` (points, largest first) at which every line
 *  fits, where `lines(size)` says how many lines of that size the box holds and `width` is its
 *  width in points. When even the smallest size does not hold it all: at the largest size, the
 *  lines that fit, the last one ending in ELLIPSIS (cut at a space where it can), and `rest`, the
 *  index of the first piece that is not shown (else null). Returns {size, lines, rest, ellipsis}. */
export function fit(text, { sizes, width, lines }) {
  let size = sizes[sizes.length - 1];
  let wrapped = null;
  for (const candidate of sizes) {
    const room = lines(candidate);
    wrapped = wrap(text, (width * 1000) / candidate);
    size = candidate;
    if (wrapped.length <= room) return { size, lines: wrapped, rest: null, ellipsis: false };
  }
  // It does not fit at any size: the part that is shown keeps the largest size (the sheet's own),
  // the rest is handed on
  size = sizes[0];
  if (sizes.length > 1) wrapped = wrap(text, (width * 1000) / size);
  const room = Math.max(1, lines(size));
  const max = (width * 1000) / size;
  const shown = wrapped.slice(0, room);
  const [start, end] = shown[room - 1];
  let stop = end;
  if (text.prefix[end] - text.prefix[start] + text.ellipsis > max) {
    stop = cut(text.prefix, start, start, end, max, text.ellipsis);
    let space = stop;
    while (space > start && text.kinds[space] !== SPACE) space--;
    if (space > start && text.kinds[space] === SPACE && stop < end) stop = space;
  }
  let trimmed = stop;
  while (trimmed > start && text.kinds[trimmed - 1] === SPACE) trimmed--;
  shown[room - 1] = [start, trimmed];
  let rest = stop < end ? stop : wrapped[room][0];
  while (rest < text.kinds.length && text.kinds[rest] === SPACE) rest++;
  return { size, lines: shown, rest, ellipsis: true };
}
