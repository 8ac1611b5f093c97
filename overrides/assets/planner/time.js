/* The planner's model and clock arithmetic: each block with its guide data, minutes and times; clock
 * times from a start time (past midnight they go round); over or left against a target length and
 * what the guides say can be shortened; the countdown of run mode. Pure: no DOM, so it runs under
 * `node --test` (tests/js/planner-time.test.mjs) as in the browser. `t` is the planner's words (the
 * `ui` of plannen/gidsen.json), `guides` a map (site/dict.js) of the guides by slug. */
import { own } from "../site/dict.js";
import { pad, shown } from "./link.js";

/** `text` with each {key} replaced by values[key] (own keys only; others stay as they are). */
export function fmt(text, values) {
  return text.replace(/\{(\w+)\}/g, function (m, key) { return own(values, key) !== undefined ? values[key] : m; });
}


/** '45 min', '1 uur', '1 uur 30 min' in the words of `t`. */
export function duration(m, t) {
  var h = Math.floor(m / 60);
  return m < 60 ? m + " " + t.min : fmt(m % 60 ? t.hoursMinutes : t.hours, { h: h, m: m % 60 });
}

/** The clock time `offset` minutes after `start` ('13:30'; round past midnight), or without a start
 * the offset itself ('+1:05'). */
export function clock(start, offset) {
  if (!start) return "+" + Math.floor(offset / 60) + ":" + pad(offset % 60);
  var parts = start.split(":"), at = (+parts[0] * 60 + +parts[1] + offset) % 1440;
  return pad(Math.floor(at / 60)) + ":" + pad(at % 60);
}

/** The local clock time of a moment (milliseconds). */
export function clockOf(ms) {
  var d = new Date(ms);
  return pad(d.getHours()) + ":" + pad(d.getMinutes());
}

/* Minutes of a guide's steps when the guide gets `total` minutes: first the steps the guide says
 * can be shorter (down to their shorter time, in order), then in proportion. */
export function distribute(steps, total) {
  var out = steps.map(function (s) { return s.minutes; }), sum = out.reduce(function (a, b) { return a + b; }, 0);
  if (total < sum) {
    var cut = sum - total;
    steps.forEach(function (s, i) {
      if (!s.shorter || cut <= 0) return;
      var d = Math.min(out[i] - s.shorter.minutes, cut);
      out[i] -= d;
      cut -= d;
    });
    sum = total + cut;
  }
  if (sum === total) return out;
  var raw = out.map(function (v) { return (v * total) / sum; }), floor = raw.map(Math.floor);
  var rest = total - floor.reduce(function (a, b) { return a + b; }, 0);
  raw.map(function (v, i) { return [v - floor[i], i]; })
    .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
    .slice(0, rest)
    .forEach(function (pair) { floor[pair[1]] += 1; });
  return floor;
}

/** A block as the planner shows it: title, minutes, its segments (a guide's steps), or `missing`
 * for a block the guides do not have (or could not be read). */
export function view(b, guides, t) {
  if (b.kind === "break" || b.kind === "free") {
    var title = b.kind === "break" ? t.breakTitle : b.title || t.freeTitle;
    return { b: b, title: title, minutes: b.minutes, segments: [{ title: title, minutes: b.minutes, kind: b.kind }] };
  }
  if (b.kind === "bad") return { b: b, missing: true, title: shown(b.raw), minutes: 0, segments: [] };
  var g = own(guides, b.guide), label = b.guide + (b.step ? "." + b.step : "");
  var step = g && b.kind === "step" ? g.steps.filter(function (s) { return s.id === b.step; })[0] : null;
  if (!g || (b.kind === "step" && !step)) return { b: b, missing: true, title: label, minutes: 0, segments: [] };
  if (b.kind === "guide") {
    var minutes = b.minutes !== null ? b.minutes : g.duration, split = distribute(g.steps, minutes);
    return {
      b: b, g: g, title: g.title, minutes: minutes, standard: g.duration, url: g.path,
      segments: g.steps.map(function (s, i) { return { step: s, g: g, title: s.title, minutes: split[i], url: g.path + "#" + s.id }; })
    };
  }
  var mins = b.minutes !== null ? b.minutes : step.minutes;
  return {
    b: b, g: g, step: step, title: step.title, minutes: mins, standard: step.minutes, url: g.path + "#" + step.id,
    segments: [{ step: step, g: g, title: step.title, minutes: mins, url: g.path + "#" + step.id }]
  };
}

/** Every block's view, with `from` (minutes after the start) on it and on each of its segments. */
export function views(blocks, guides, t) {
  var at = 0;
  return blocks.map(function (b) {
    var v = view(b, guides, t);
    v.from = at;
    v.segments.forEach(function (s) { s.from = at; at += s.minutes; });
    return v;
  });
}

export function total(vs) { return vs.reduce(function (a, v) { return a + v.minutes; }, 0); }

/** Minutes over (> 0) or left (< 0) against the target length; 0 without a target. */
export function against(sum, doel) { return doel ? sum - doel : 0; }

/** What the guides say can be shortened in the plan: per timed step longer than its shorter time,
 * {where, minutes, shorter, how}, and the minutes that would save in all. */
export function shortenings(vs) {
  var items = [], saved = 0;
  vs.forEach(function (v) {
    v.segments.forEach(function (s) {
      if (!s.step || !s.step.shorter || s.minutes <= s.step.shorter.minutes) return;
      saved += s.minutes - s.step.shorter.minutes;
      var where = v.b.kind === "guide" ? v.g.title + " › " + s.title : s.title + " (" + v.g.title + ")";
      items.push({ where: where, minutes: s.minutes, shorter: s.step.shorter.minutes, how: s.step.shorter.how });
    });
  });
  return { items: items, saved: saved };
}

/** The parts run mode counts down: every segment with minutes of the blocks the guides have. */
export function segments(vs) {
  var out = [];
  vs.forEach(function (v) {
    if (v.missing) return;
    v.segments.forEach(function (s) {
      if (s.minutes > 0) out.push({ title: s.title, minutes: s.minutes, from: v.g ? v.g.title : "", step: s.step });
    });
  });
  return out;
}

/** A countdown: '4:05' left, '+0:30' over. */
export function remaining(ms) {
  var s = Math.ceil(Math.abs(ms) / 1000);
  return (ms < 0 ? "+" : "") + Math.floor(s / 60) + ":" + pad(s % 60);
}

/** How a running part stands: over, its last 5 %, its last 20 %, or ok. */
export function runState(left, length) {
  return left < 0 ? "over" : left <= length * 0.05 ? "last" : left <= length * 0.2 ? "low" : "ok";
}

/* A date of the link (yyyy-mm-dd) as a person writes it, in the page's language ('maandag 14
 * december 2026', 'Monday 14 December 2026'); read as a calendar day, so no time zone moves it. */
export function longDate(iso, lang) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || ""), parts = {};
  if (!m) return iso || "";
  var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (day.getUTCMonth() !== +m[2] - 1 || typeof Intl === "undefined" || !Intl.DateTimeFormat.prototype.formatToParts) return iso;
  new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .formatToParts(day).forEach(function (p) { parts[p.type] = p.value; });
  return [parts.weekday, parts.day, parts.month, parts.year].join(" ");
}
