/* The planner (/plannen/ and /en/plannen/): line up guides, steps, breaks and free blocks; clock
 * times from a start time; over or left against a target length, and what the guides say can be
 * shortened; a share link that holds the whole plan; a facilitator's script and a participants'
 * agenda to print; run mode with a countdown per block.
 *
 * The plan link (version 1; every value is text, never HTML):
 *   ?p=kerngesprek.rondes,pauze:15,vrij:30:Koffie+en+thee,over-geld:80&start=13:30&doel=150
 *    &datum=2025-03-12&titel=…&plaats=…&bedoeling=…&notitie=…&v=1
 *   p      blocks, comma-separated: <guide> (the whole guide), <guide>.<step id>, pauze, vrij;
 *          ':<minutes>' when not the guide's own; a free block's title after a second ':'
 *   plaats where the meeting is, bedoeling what it is for: text for the printed agenda, cut at
 *          MAX_TEXT characters (both are newer than v=1's first links, which open as before)
 *   text   percent-encoded, '+' for a space; only letters, digits and - . _ ~ % + : , = & remain,
 *          and the link ends in v=1, so no mail program cuts a trailing dot or bracket off it
 * A block the guides no longer have, or a part that cannot be read, is shown by name and kept
 * in the link until the reader removes it; a bad start time or length is named and left out.
 * The last plan is kept in localStorage ('bot-plan': {v: 1, query, recent: [earlier queries]}), as
 * is a running meeting ('bot-plan-run'). A plan has at most 200 blocks; the share link says when it
 * is too long for mail (2,000 characters) or web servers (8 kB). Guide data: plannen/gidsen.json of the page's language, written by
 * the build (hooks/planner.py); plannen/details.json (the literal questions, 'when it goes
 * differently', the invitations' mail links) loads when the plan first has a guide or a step in it,
 * so an empty planner loads less; print, run mode and the export wait for it.
 * Export: the plan as the draaiboek worksheet, filled in, as PDF and DOCX, with the worksheets'
 * own machinery (assets/worksheets/fill.js and its libraries, imported on the first press).
 * Invitations: per guide in the plan, the invitation template on the templates page. */
(function () {
  "use strict";
  if (window.__planner) return;
  window.__planner = true;
  // This file's address: the worksheet machinery lives next to it (assets/worksheets/fill.js).
  var SELF = (document.currentScript || document.querySelector("script[src*='planner.js']") || {}).src || "";

  var STORE = "bot-plan", RUN_STORE = "bot-plan-run", VERSION = 1, MAX_MIN = 600;
  var MAX_TEXT = { plaats: 120, bedoeling: 300 }; // the place and purpose on the printed agenda
  // At most MAX_BLOCKS blocks (a link with 100 000 froze the tab for a minute); a link is said to
  // be too long for a mail program above MAIL_MAX characters and for web servers above LINK_MAX
  // (nginx answers 414 from 8 kB); at most RECENT earlier plans are kept in this browser.
  var MAX_BLOCKS = 200, MAIL_MAX = 2000, LINK_MAX = 7000, RECENT = 20;
  var NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  // The planner's words come with the guide data (data/planner.yml, one language); these two are
  // needed before it arrives.
  var WAIT = {
    nl: { loading: "De planner wordt geladen…", failed: "De gegevens van de planner kwamen niet binnen. Herlaad de pagina." },
    en: { loading: "Loading the planner…", failed: "The planner's data did not arrive. Reload the page." }
  };

  // Every lookup keyed by text from a link, a file or storage is a map without a prototype
  // (`map()`), or read with `own()`: a block called 'constructor' is then simply not found.
  var lang = "nl", t = {}, data = map(), guides = map(), plan = null, ui = null, uid = 0;
  var run = null, timer = 0, lock = null, lastState = "", extra = map(), unsaved = false;

  /* ---- Small helpers -------------------------------------------------------------------------- */

  function map() { return Object.create(null); }

  function own(object, key) {
    return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    });
    for (var i = 2; i < arguments.length; i++) if (arguments[i] !== null && arguments[i] !== undefined) node.append(arguments[i]);
    return node;
  }

  function enc(text) {
    return encodeURIComponent(text).replace(/[!'()*~]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    }).replace(/%20/g, "+");
  }

  function dec(text) { return decodeURIComponent(text.replace(/\+/g, " ")); }

  function shown(raw) {
    try { return dec(raw); } catch (e) { return raw; }
  }

  /* A part we could not read goes back into the link as it came, with only link-safe characters. */
  function safe(raw) {
    return raw.replace(/[^A-Za-z0-9\-._~%+:=]/g, function (c) { return encodeURIComponent(c); });
  }

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, key) { return own(values, key) !== undefined ? values[key] : m; });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function duration(m) {
    var h = Math.floor(m / 60);
    return m < 60 ? m + " " + t.min : fmt(m % 60 ? t.hoursMinutes : t.hours, { h: h, m: m % 60 });
  }

  function clock(offset) {
    if (!plan.start) {
      return "+" + Math.floor(offset / 60) + ":" + pad(offset % 60);
    }
    var parts = plan.start.split(":"), at = (+parts[0] * 60 + +parts[1] + offset) % 1440;
    return pad(Math.floor(at / 60)) + ":" + pad(at % 60);
  }

  function clockOf(ms) {
    var d = new Date(ms);
    return pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  /* ---- The plan link ------------------------------------------------------------------------- */

  function readToken(raw) {
    var parts = raw.split(":"), head = parts[0], minutes = null;
    function bad() { return { kind: "bad", raw: raw }; }
    if (parts.length > 1) {
      if (!/^\d{1,3}$/.test(parts[1]) || +parts[1] < 1 || +parts[1] > MAX_MIN) return bad();
      minutes = +parts[1];
    }
    if (head === "pauze") return parts.length > 2 ? bad() : { kind: "break", minutes: minutes || 15 };
    if (head === "vrij") {
      var title = "";
      if (parts.length > 2) {
        try { title = dec(parts.slice(2).join(":")); } catch (e) { return bad(); }
      }
      return { kind: "free", minutes: minutes || 30, title: title };
    }
    var names = head.split(".");
    if (parts.length > 2 || names.length > 2 || !names.every(function (n) { return NAME.test(n); })) return bad();
    return names.length === 2
      ? { kind: "step", guide: names[0], step: names[1], minutes: minutes }
      : { kind: "guide", guide: head, minutes: minutes };
  }

  function parse(search) {
    var out = { blocks: [], start: "", doel: null, datum: "", titel: "", plaats: "", bedoeling: "", notitie: "", extra: [], problems: [], version: VERSION, dropped: 0, keys: map() };
    function problem(key, value) { out.problems.push({ key: key, value: shown(value) }); }
    search.replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf("="), key = at < 0 ? pair : pair.slice(0, at), value = at < 0 ? "" : pair.slice(at + 1), m;
      out.keys[key] = true;
      if (key === "p") {
        // A mail program that encoded our separators: decode once, then read.
        if (!/[,:]/.test(value) && /%2C|%3A/i.test(value)) {
          try { value = decodeURIComponent(value); } catch (e) { /* read it as it is */ }
        }
        value.split(",").forEach(function (raw) {
          if (!raw) return;
          if (out.blocks.length >= MAX_BLOCKS) { out.dropped += 1; return; }
          var block = readToken(raw);
          block.uid = ++uid;
          if (block.kind === "bad") problem("p", raw);
          out.blocks.push(block);
        });
      } else if (key === "v") {
        if (/^\d{1,3}$/.test(value)) out.version = +value;
        else problem("v", value);
      } else if (key === "start") {
        m = value.replace(/%3A/i, ":").match(/^([01]?\d|2[0-3])[:.]([0-5]\d)$/);
        if (m) out.start = pad(+m[1]) + ":" + m[2];
        else problem("start", value);
      } else if (key === "doel") {
        if (/^\d{1,4}$/.test(value) && +value >= 1 && +value <= 1440) out.doel = +value;
        else problem("doel", value);
      } else if (key === "datum") {
        if (isDate(value)) out.datum = value;
        else problem("datum", value);
      } else if (key === "titel" || key === "notitie") {
        try { out[key] = dec(value); } catch (e) { problem(key, value); }
      } else if (key === "plaats" || key === "bedoeling") {
        try { out[key] = dec(value).slice(0, MAX_TEXT[key]); } catch (e) { problem(key, value); }
      } else {
        out.extra.push(safe(pair));
      }
    });
    return out;
  }

  /* A real day (no 2025-02-30), between the years 1900 and 2999. */
  function isDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text), day = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return !!m && +m[1] >= 1900 && +m[1] <= 2999 && day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3];
  }

  function token(b) {
    var m = b.minutes !== null && b.minutes !== undefined ? ":" + b.minutes : "";
    if (b.kind === "guide") return b.guide + m;
    if (b.kind === "step") return b.guide + "." + b.step + m;
    if (b.kind === "break") return "pauze:" + b.minutes;
    if (b.kind === "free") return "vrij:" + b.minutes + (b.title ? ":" + enc(b.title) : "");
    return safe(b.raw);
  }

  function serialise(p) {
    var q = [];
    if (p.blocks.length) q.push("p=" + p.blocks.map(token).join(","));
    if (p.start) q.push("start=" + p.start);
    if (p.doel) q.push("doel=" + p.doel);
    if (p.datum) q.push("datum=" + p.datum);
    if (p.titel) q.push("titel=" + enc(p.titel));
    if (p.plaats) q.push("plaats=" + enc(p.plaats));
    if (p.bedoeling) q.push("bedoeling=" + enc(p.bedoeling));
    if (p.notitie) q.push("notitie=" + enc(p.notitie));
    q = q.concat(p.extra);
    if (q.length) q.push("v=" + VERSION);
    return q.join("&");
  }

  /* ---- Storage ------------------------------------------------------------------------------ */

  function stored(key) {
    try {
      var record = JSON.parse(window.localStorage.getItem(key) || "null");
      return record && record.v === 1 ? record : null;
    } catch (e) {
      return null;
    }
  }

  /* True when the record is in this browser's storage; when it is not (storage full or off), the
   * planner says so where the reader works, until a save works again: the link still holds the plan. */
  function keep(key, record) {
    var ok = true;
    try { window.localStorage.setItem(key, JSON.stringify(record)); } catch (e) { ok = false; }
    if (key === STORE) {
      unsaved = !ok;
      if (ui && ui.unsaved) ui.unsaved.hidden = ok;
    }
    return ok;
  }

  /* The earlier plans of this browser, newest first: every plan a reader had before a link replaced
   * it (the old record's one 'previous' too), without the current one and without repeats. */
  function recentOf(record, current) {
    var out = [];
    function add(query) {
      if (typeof query === "string" && query && query !== current && out.indexOf(query) < 0) out.push(query);
    }
    if (record) {
      (Array.isArray(record.recent) ? record.recent : []).forEach(add);
      add(record.previous);
    }
    return out.slice(0, RECENT);
  }

  /* ---- The model: blocks with their guide data, minutes and times ---------------------------- */

  /* Minutes of a guide's steps when the guide gets `total` minutes: first the steps the guide says
   * can be shorter (down to their shorter time, in order), then in proportion. */
  function distribute(steps, total) {
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

  function view(b) {
    if (b.kind === "break" || b.kind === "free") {
      var title = b.kind === "break" ? t.breakTitle : b.title || t.freeTitle;
      return { b: b, title: title, minutes: b.minutes, segments: [{ title: title, minutes: b.minutes, kind: b.kind }] };
    }
    if (b.kind === "bad") return { b: b, missing: true, title: shown(b.raw), minutes: 0, segments: [] };
    var g = guides[b.guide], label = b.guide + (b.step ? "." + b.step : "");
    var step = g && b.kind === "step" ? g.steps.filter(function (s) { return s.id === b.step; })[0] : null;
    if (!g || (b.kind === "step" && !step)) return { b: b, missing: true, title: label, minutes: 0, segments: [] };
    if (b.kind === "guide") {
      var minutes = b.minutes !== null ? b.minutes : g.duration, split = distribute(g.steps, minutes);
      return {
        b: b, g: g, title: g.title, minutes: minutes, standard: g.duration, url: g.path,
        segments: g.steps.map(function (s, i) { return { step: s, g: g, title: s.title, minutes: split[i], url: g.path + "#" + s.id }; })
      };
    }
    var own = b.minutes !== null ? b.minutes : step.minutes;
    return {
      b: b, g: g, step: step, title: step.title, minutes: own, standard: step.minutes, url: g.path + "#" + step.id,
      segments: [{ step: step, g: g, title: step.title, minutes: own, url: g.path + "#" + step.id }]
    };
  }

  function views() {
    var at = 0;
    return plan.blocks.map(function (b) {
      var v = view(b);
      v.from = at;
      v.segments.forEach(function (s) { s.from = at; at += s.minutes; });
      return v;
    });
  }

  function total(vs) { return vs.reduce(function (a, v) { return a + v.minutes; }, 0); }

  function pageUrl(path) { return new URL("../" + path, window.location.href).href; }

  /* ---- What only the script, run mode and the export need (plannen/details.json) ------------- */

  function needsDetails(p) {
    return p.blocks.some(function (b) { return b.kind === "guide" || b.kind === "step"; });
  }

  function fetchDetails(code) {
    if (!extra[code]) {
      extra[code] = window.fetch(new URL("details.json", window.location.href).href).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      });
      extra[code].catch(function () { delete extra[code]; }); // a later need tries again
    }
    return extra[code];
  }

  /* Questions and situations into the guides of the page's data (once per language). */
  function merge(json) {
    var into = own(data, json && json.lang);
    if (!into || into.details) return;
    into.guides.forEach(function (g) {
      var d = own(json.guides, g.slug) || { anders: [], questions: {} };
      g.anders = d.anders || [];
      g.steps.forEach(function (s) { s.questions = own(d.questions, s.id) || []; });
    });
    into.mailto = json.mailto || {};
    into.details = true;
  }

  /* Run `then` once the details are in (or could not be had: then without them). */
  function ensure(then) {
    if (data[lang].details || !needsDetails(plan)) { then(); return; }
    fetchDetails(lang).then(merge).then(then, then);
  }

  /* ---- The draaiboek (worksheets/draaiboek.yml) filled from the plan ------------------------- */

  /* Answers for the session-plan worksheet, keyed by its field ids, one language: the hook for
   * exporting the plan as a filled DOCX and PDF with the worksheet machinery. */
  function draaiboek() {
    var vs = views().filter(function (v) { return !v.missing; }), goals = [];
    vs.forEach(function (v) { if (v.g && goals.indexOf(v.g.goal) < 0) goals.push(v.g.goal); });
    // As on the printed agenda: the date written out, start–end, the venue; the purpose if given.
    var end = total(vs), when = [longDate(plan.datum), plan.start ? plan.start + "–" + clock(end) : "", plan.plaats].filter(Boolean).join(", ");
    var rows = [];
    vs.forEach(function (v) {
      v.segments.forEach(function (s) {
        var at = plan.start ? clock(s.from) + "–" + clock(s.from + s.minutes) + " " : "";
        var questions = (s.step && s.step.questions) || [];
        rows.push({ minuten: String(s.minutes), blok: at + s.title + (s.step ? ": " + s.step.goal : ""), kernvraag: questions[0] || "" });
      });
    });
    return { naam: plan.titel, "wanneer-waar": when, doel: plan.bedoeling || goals.join(" "), programma: rows };
  }

  /* ---- Building the page --------------------------------------------------------------------- */

  function announce(message) {
    ui.status.textContent = "";
    window.setTimeout(function () { ui.status.textContent = message; }, 30);
  }

  /* The plan into the address and this browser; false when the browser did not keep it. */
  function commit() {
    var query = serialise(plan), record = stored(STORE) || { v: 1, query: "" };
    window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    record.query = query;
    record.recent = recentOf(record, query);
    delete record.previous;
    var ok = keep(STORE, record);
    refresh();
    return ok;
  }

  function field(id, label, input, help) {
    input.id = id;
    var box = el("p", { class: "planner-field" }, el("label", { for: id, text: label }), input);
    if (help) {
      input.setAttribute("aria-describedby", id + "-help");
      box.append(el("span", { class: "planner-help", id: id + "-help", text: help }));
    }
    return box;
  }

  function settings() {
    function bind(input, key, read) {
      input.addEventListener("input", function () {
        plan[key] = read ? read(input.value) : input.value;
        commit();
      });
      return input;
    }
    var titel = bind(el("input", { type: "text", maxlength: "120", autocomplete: "off" }), "titel");
    var datum = bind(el("input", { type: "date" }), "datum");
    var start = bind(el("input", { type: "time" }), "start", function (v) { return /^\d\d:\d\d/.test(v) ? v.slice(0, 5) : ""; });
    var doel = bind(el("input", { type: "number", min: "1", max: "1440", step: "5", inputmode: "numeric" }), "doel", function (v) {
      return /^\d+$/.test(v) && +v >= 1 && +v <= 1440 ? +v : null;
    });
    var plaats = bind(el("input", { type: "text", maxlength: String(MAX_TEXT.plaats), autocomplete: "off" }), "plaats");
    var bedoeling = bind(el("textarea", { rows: "2", maxlength: String(MAX_TEXT.bedoeling) }), "bedoeling");
    var notitie = bind(el("textarea", { rows: "3", maxlength: "1000" }), "notitie");
    titel.value = plan.titel;
    plaats.value = plan.plaats;
    bedoeling.value = plan.bedoeling;
    datum.value = plan.datum;
    start.value = plan.start;
    doel.value = plan.doel || "";
    notitie.value = plan.notitie;
    return el("section", { class: "planner-section planner-settings", "aria-labelledby": "planner-h-settings" },
      el("h2", { id: "planner-h-settings", text: t.settings }),
      el("div", { class: "planner-grid" },
        field("planner-titel", t.titel, titel), field("planner-datum", t.datum, datum),
        field("planner-start", t.start, start), field("planner-doel", t.doel, doel),
        field("planner-plaats", t.plaats, plaats)),
      field("planner-bedoeling", t.bedoeling, bedoeling, t.bedoelingHelp),
      field("planner-notitie", t.notitie, notitie, t.notitieHelp));
  }

  function adder() {
    var guideSelect = el("select", {}), partSelect = el("select", {});
    data[lang].guides.forEach(function (g) {
      guideSelect.append(el("option", { value: g.slug, text: g.title + " (" + g.duration + " " + t.min + ")" }));
    });
    function parts() {
      var g = guides[guideSelect.value];
      partSelect.textContent = "";
      partSelect.append(el("option", { value: "", text: t.whole + " (" + g.duration + " " + t.min + ")" }));
      g.steps.forEach(function (s) { partSelect.append(el("option", { value: s.id, text: s.title + " (" + s.minutes + " " + t.min + ")" })); });
    }
    guideSelect.addEventListener("change", parts);
    parts();
    function push(block, focus) {
      if (plan.blocks.length >= MAX_BLOCKS) { announce(fmt(t.full, { max: MAX_BLOCKS })); return; }
      block.uid = ++uid;
      plan.blocks.push(block);
      renderList(focus ? { uid: block.uid, control: focus } : null);
      var title = view(block).title;
      announce(commit() ? fmt(t.added, { title: title }) : fmt(t.addedUnsaved, { title: title }));
    }
    return el("div", { class: "planner-add" },
      el("h3", { text: t.add }),
      el("div", { class: "planner-grid" },
        field("planner-gids", t.guide, guideSelect), field("planner-deel", t.part, partSelect)),
      el("p", { class: "planner-buttons" },
        el("button", { type: "button", class: "planner-button planner-button--main", text: t.addButton, onclick: function () {
          var step = partSelect.value;
          push(step ? { kind: "step", guide: guideSelect.value, step: step, minutes: null } : { kind: "guide", guide: guideSelect.value, minutes: null });
        } }),
        el("button", { type: "button", class: "planner-button", text: t.addBreak, onclick: function () { push({ kind: "break", minutes: 15 }); } }),
        el("button", { type: "button", class: "planner-button", text: t.addFree, onclick: function () {
          push({ kind: "free", minutes: 30, title: "" }, "title");
        } })));
  }

  function blockItem(v, index, count) {
    var b = v.b, kind = v.missing ? (b.kind === "bad" ? "bad" : "missing") : b.kind;
    var li = el("li", { class: "planner-block planner-block--" + kind, "data-uid": String(b.uid) });
    var main = el("div", { class: "planner-block__main" },
      el("span", { class: "planner-block__time", "data-time": "" }),
      el("span", { class: "planner-block__kind", text: t.kind[kind] + (kind === "step" ? " " + v.g.title : "") }));
    if (b.kind === "free") {
      var id = "planner-title-" + b.uid, input = el("input", { type: "text", id: id, maxlength: "120", "data-control": "title", placeholder: t.freeTitle });
      input.value = b.title;
      input.addEventListener("input", function () { b.title = input.value; commit(); });
      main.append(el("label", { class: "plan-sr", for: id, text: t.freeLabel }), input);
    } else if (v.url && !v.missing) {
      main.append(el("a", { class: "planner-block__title", href: pageUrl(v.url), text: v.title }));
    } else {
      main.append(el("span", { class: "planner-block__title", text: v.title }));
    }
    if (v.missing) main.append(el("span", { class: "planner-block__note", text: kind === "bad" ? t.bad : t.missing }));
    var controls = el("div", { class: "planner-block__controls" });
    if (!v.missing) {
      var mid = "planner-min-" + b.uid, minutes = el("input", { type: "number", id: mid, min: "1", max: String(MAX_MIN), inputmode: "numeric", "data-control": "minutes" });
      minutes.value = v.minutes;
      minutes.addEventListener("change", function () {
        var value = +minutes.value;
        if (!/^\d+$/.test(minutes.value) || value < 1 || value > MAX_MIN) { minutes.value = view(b).minutes; return; }
        b.minutes = v.standard === value && (b.kind === "guide" || b.kind === "step") ? null : value;
        commit();
      });
      controls.append(el("label", { for: mid }, t.minutes, el("span", { class: "plan-sr", text: " " + v.title })), minutes);
    }
    function control(name, label, disabled, action) {
      controls.append(el("button", { type: "button", class: "planner-button planner-button--small", "data-control": name, disabled: disabled,
        onclick: action, "aria-label": label + ": " + v.title, text: label }));
    }
    control("up", t.up, index === 0, function () { move(b.uid, -1, "up"); });
    control("down", t.down, index === count - 1, function () { move(b.uid, 1, "down"); });
    if (b.kind === "guide" && !v.missing) control("split", t.split, false, function () { split(b.uid); });
    control("remove", t.remove, false, function () { remove(b.uid); });
    li.append(main, controls);
    return li;
  }

  function indexOf(id) {
    for (var i = 0; i < plan.blocks.length; i++) if (plan.blocks[i].uid === id) return i;
    return -1;
  }

  function move(id, delta, name) {
    var i = indexOf(id), j = i + delta;
    if (j < 0 || j >= plan.blocks.length) return;
    var b = plan.blocks[i];
    plan.blocks[i] = plan.blocks[j];
    plan.blocks[j] = b;
    renderList({ uid: id, control: name });
    done(fmt(t.moved, { title: view(b).title, i: j + 1, n: plan.blocks.length }));
  }

  function remove(id) {
    var i = indexOf(id), title = view(plan.blocks[i]).title;
    plan.blocks.splice(i, 1);
    var next = plan.blocks[i] || plan.blocks[i - 1];
    renderList(next ? { uid: next.uid, control: "remove" } : { add: true });
    done(fmt(t.removed, { title: title }));
  }

  function split(id) {
    var i = indexOf(id), v = view(plan.blocks[i]);
    if (plan.blocks.length - 1 + v.segments.length > MAX_BLOCKS) { announce(fmt(t.full, { max: MAX_BLOCKS })); return; }
    var steps = v.segments.map(function (s) {
      return { kind: "step", guide: v.g.slug, step: s.step.id, minutes: s.minutes === s.step.minutes ? null : s.minutes, uid: ++uid };
    });
    Array.prototype.splice.apply(plan.blocks, [i, 1].concat(steps));
    renderList({ uid: steps[0].uid, control: "minutes" });
    done(fmt(t.splitDone, { title: v.title }));
  }

  /* Save, then say what happened, and that it was not kept when it was not. */
  function done(message) {
    announce(commit() ? message : message + " " + t.notSaved);
  }

  function renderList(focus) {
    var list = ui.list, count = plan.blocks.length;
    list.textContent = "";
    views().forEach(function (v, i) { list.append(blockItem(v, i, count)); });
    ui.empty.hidden = count > 0;
    if (!focus) return;
    if (focus.add) { ui.root.querySelector("#planner-gids").focus(); return; }
    var li = list.querySelector('[data-uid="' + focus.uid + '"]');
    var target = li && li.querySelector('[data-control="' + focus.control + '"]');
    if (target && target.disabled) target = li.querySelector('[data-control="' + (focus.control === "up" ? "down" : "up") + '"]');
    if (target && !target.disabled) target.focus();
  }

  /* Times, summary, share link and print views follow every change. */
  function refresh() {
    var vs = views(), sum = total(vs), items = ui.list.children;
    vs.forEach(function (v, i) {
      var time = items[i] && items[i].querySelector("[data-time]");
      if (time) time.textContent = v.missing ? "" : clock(v.from) + "–" + clock(v.from + v.minutes);
    });
    summary(vs, sum);
    var query = serialise(plan), link = window.location.origin + window.location.pathname + (query ? "?" + query : "");
    ui.link.value = link;
    // Too long for a mail program: no mail link (copying works); too long for web servers: said.
    var mail = "mailto:?subject=" + encodeURIComponent(plan.titel || t.mailSubject) + "&body=" + encodeURIComponent(link);
    ui.mail.href = mail;
    ui.mail.hidden = mail.length > MAIL_MAX;
    var warning = link.length > LINK_MAX ? fmt(t.linkTooLong, { n: link.length, max: 8000 }) : mail.length > MAIL_MAX ? t.mailTooLong : "";
    if (ui.linkNote.textContent !== warning) ui.linkNote.textContent = warning;
    ui.runStart.disabled = !vs.some(function (v) { return !v.missing && v.minutes > 0; });
    ui.exports.forEach(function (b) { b.disabled = ui.runStart.disabled || !!ui.busy; });
    invitations();
    printViews(vs, sum);
    if (!data[lang].details && needsDetails(plan)) {
      var shownRoot = ui.root;
      fetchDetails(lang).then(function (json) {
        merge(json);
        if (ui && ui.root === shownRoot && document.body.contains(shownRoot)) refresh();
      }, function () { /* tried again on the next change, and before print, run and export */ });
    }
  }

  /* ---- Invitations: the template for each guide in the plan ----------------------------------- */

  function invitations() {
    var inPlan = map(), list = ui.inviteList, mail = data[lang].mailto || {};
    plan.blocks.forEach(function (b) { if ((b.kind === "guide" || b.kind === "step") && guides[b.guide]) inPlan[b.guide] = true; });
    var found = (data[lang].invitations || []).filter(function (i) { return i.guides.some(function (g) { return inPlan[g]; }); });
    list.textContent = "";
    found.forEach(function (i) {
      var item = el("li", {}, el("a", { href: pageUrl(i.url), text: i.title }));
      if (own(mail, i.id)) item.append(" · ", el("a", { href: mail[i.id], "aria-label": t.inviteMail + ": " + i.title, text: t.inviteMail }));
      list.append(item);
    });
    ui.invite.hidden = !found.length;
  }

  /* ---- Export: the draaiboek worksheet, filled in, as PDF or DOCX ----------------------------- */

  function exportAs(kind) {
    if (ui.busy) return;
    ui.busy = true;
    refresh();
    announce(kind === "pdf" ? t.makingPdf : t.makingDocx);
    ensure(function () {
      import(new URL("../worksheets/fill.js", SELF).href).then(function (fill) {
        return (kind === "pdf" ? fill.fillPdf : fill.fillDocx)("draaiboek", lang, draaiboek()).then(function (file) {
          fill.save(file.blob, file.name);
          announce(fmt(t.exported, { file: file.name }));
        });
      }).catch(function (e) {
        announce(fmt(t.exportFailed, { reason: (e && e.message) || String(e) }));
      }).then(function () {
        ui.busy = false;
        refresh();
      });
    });
  }

  function summary(vs, sum) {
    var box = ui.summary;
    box.textContent = "";
    box.append(el("p", { class: "planner-total" }, el("strong", { text: t.total + ": " + duration(sum) }),
      plan.start ? " (" + plan.start + "–" + clock(sum) + ")" : ""));
    if (!plan.start && sum) box.append(el("p", { class: "planner-help", text: t.noStart }));
    if (!plan.doel) return;
    var diff = sum - plan.doel;
    box.append(el("p", { class: "planner-target planner-target--" + (diff > 0 ? "over" : "ok"), text: diff > 0 ? fmt(t.over, { d: duration(diff) }) : diff < 0 ? fmt(t.left, { d: duration(-diff) }) : t.exact }));
    if (diff <= 0) return;
    var list = el("ul", {}), saved = 0;
    vs.forEach(function (v) {
      v.segments.forEach(function (s) {
        if (!s.step || !s.step.shorter || s.minutes <= s.step.shorter.minutes) return;
        saved += s.minutes - s.step.shorter.minutes;
        var where = v.b.kind === "guide" ? v.g.title + " › " + s.title : s.title + " (" + v.g.title + ")";
        list.append(el("li", {}, el("strong", { text: where + ": " + s.minutes + " → " + s.step.shorter.minutes + " " + t.min + "." }), " " + s.step.shorter.how));
      });
    });
    box.append(el("h3", { text: t.shorten }));
    box.append(saved ? list : el("p", { text: t.shortenNone }));
    if (saved) box.append(el("p", { text: fmt(t.saves, { d: duration(saved) }) }));
  }

  /* ---- Print views: the facilitator's script and the participants' agenda -------------------- */

  /* A date of the link (yyyy-mm-dd) as a person writes it, in the page's language ('maandag 14
   * december 2026', 'Monday 14 December 2026'); read as a calendar day, so no time zone moves it. */
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || ""), parts = {};
    if (!m) return iso || "";
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (day.getUTCMonth() !== +m[2] - 1 || !window.Intl || !Intl.DateTimeFormat.prototype.formatToParts) return iso;
    new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
      .formatToParts(day).forEach(function (p) { parts[p.type] = p.value; });
    return [parts.weekday, parts.day, parts.month, parts.year].join(" ");
  }

  /* A page address on paper: without the scheme, never broken inside (planner.css). */
  function shortUrl(href) {
    var u = new URL(href);
    return u.host + u.pathname + u.hash;
  }

  /* When, where and what for: the head of both print views. */
  function printHead(box, title, sum) {
    var times = plan.start ? plan.start + "–" + clock(sum) : duration(sum);
    box.append(el("h2", { class: "planner-print__title", text: title }));
    var facts = el("dl", { class: "planner-print__facts" },
      el("dt", { text: t.when }), el("dd", { class: "planner-print__when", text: [longDate(plan.datum), times].filter(Boolean).join(", ") }));
    if (plan.plaats) facts.append(el("dt", { text: t.where }), el("dd", { class: "planner-print__where", text: plan.plaats }));
    box.append(facts);
    if (plan.bedoeling) box.append(el("p", { class: "planner-print__purpose" }, el("strong", { text: t.purpose + ": " }), plan.bedoeling));
  }

  function printViews(vs, sum) {
    var shown = vs.filter(function (v) { return !v.missing; });
    var script = el("div", { class: "planner-print__script" });
    printHead(script, t.script + (plan.titel ? ": " + plan.titel : ""), sum);
    if (plan.notitie) script.append(el("p", { class: "planner-print__note" }, el("strong", { text: t.note + ": " }), plan.notitie));
    var agenda = el("div", { class: "planner-print__agenda" });
    printHead(agenda, plan.titel || t.agenda, sum);
    // Per guide the steps in the plan: its 'when it goes differently' shows only their situations.
    var inPlan = map(), firstAt = map();
    shown.forEach(function (v) {
      if (!v.g) return;
      inPlan[v.g.slug] = inPlan[v.g.slug] || map();
      v.segments.forEach(function (s) { inPlan[v.g.slug][s.step.id] = true; });
    });
    function situations(g, steps) {
      return (g.anders || []).filter(function (a) {
        return !a.steps || a.steps.some(function (id) { return steps[id]; });
      });
    }
    var rows = el("ol", { class: "planner-print__rows" });
    shown.forEach(function (v) {
      var range = clock(v.from) + "–" + clock(v.from + v.minutes);
      var row = el("li", {}, el("span", { class: "planner-print__time", text: range }), " " + v.title);
      if (v.b.kind === "guide") {
        var sub = el("ol", {});
        v.segments.forEach(function (s) { sub.append(el("li", {}, el("span", { class: "planner-print__time", text: clock(s.from) }), " " + s.title)); });
        row.append(sub);
      }
      rows.append(row);

      var block = el("section", { class: "planner-print__block" },
        el("h3", {}, el("span", { class: "planner-print__time", text: range }), " " + v.title + " (" + duration(v.minutes) + ")"));
      if (v.g) {
        block.append(el("p", { class: "planner-print__from" }, t.from + ": ",
          el("a", { href: pageUrl(v.url), "data-print-url": shortUrl(pageUrl(v.url)), text: v.b.kind === "guide" ? v.g.title : v.g.title + " › " + v.title })));
      }
      if (v.b.kind === "guide") block.append(el("p", {}, el("strong", { text: t.goal + ": " }), v.g.goal));
      v.segments.forEach(function (s) {
        if (!s.step) return;
        var part = el("div", { class: "planner-print__step" });
        if (v.b.kind === "guide") part.append(el("h4", {}, el("span", { class: "planner-print__time", text: clock(s.from) }), " " + s.title + " (" + s.minutes + " " + t.min + ")"));
        part.append(el("p", {}, el("strong", { text: t.goal + ": " }), s.step.goal));
        part.append(el("p", { class: "planner-print__label", text: t.questions + ":" }));
        var qs = el("ul", {});
        (s.step.questions || []).forEach(function (q) { qs.append(el("li", { text: q })); });
        part.append(qs);
        block.append(part);
      });
      var own = {};
      v.segments.forEach(function (s) { if (s.step) own[s.step.id] = true; });
      if (v.g && firstAt[v.g.slug] === undefined) {
        var found = situations(v.g, inPlan[v.g.slug]);
        firstAt[v.g.slug] = found.length ? clock(v.from) : null;
        if (found.length) {
          var dl = el("dl", { class: "planner-print__anders" });
          found.forEach(function (a) {
            var item = el("div", {}, el("dt", { text: a.title }));
            a.text.forEach(function (p) { item.append(el("dd", { text: p })); });
            dl.append(item);
          });
          block.append(el("h4", { text: t.anders }), dl);
        }
      } else if (v.g && firstAt[v.g.slug] && situations(v.g, own).length) {
        block.append(el("p", { class: "planner-print__label", text: fmt(t.andersAbove, { c: firstAt[v.g.slug] + " " + v.g.title }) }));
      }
      script.append(block);
    });
    agenda.append(rows);
    ui.print.textContent = "";
    ui.print.append(script, agenda);
  }

  /* ---- Run mode ------------------------------------------------------------------------------- */

  function segments() {
    var out = [];
    views().forEach(function (v) {
      if (v.missing) return;
      v.segments.forEach(function (s) {
        if (s.minutes > 0) out.push({ title: s.title, minutes: s.minutes, from: v.g && v.b.kind === "guide" ? v.g.title : v.g ? v.g.title : "", step: s.step });
      });
    });
    return out;
  }

  function startRun() {
    ensure(function () {
      if (run) return;
      run = { v: 1, query: serialise(plan), index: 0, starts: [Date.now()] };
      keep(RUN_STORE, run);
      showRun(true);
    });
  }

  function stopRun() {
    run = null;
    keep(RUN_STORE, { v: 1, stopped: true });
    showRun(false);
  }

  function step(delta) {
    var segs = segments(), i = run.index + delta;
    if (i < 0 || i >= segs.length) return;
    run.index = i;
    if (delta > 0) run.starts[i] = Date.now();
    run.starts = run.starts.slice(0, i + 1);
    keep(RUN_STORE, run);
    lastState = "";
    tick();
  }

  function wake(on) {
    if (!on) {
      if (lock) lock.release().catch(function () {});
      lock = null;
      return;
    }
    if (!("wakeLock" in navigator) || document.visibilityState !== "visible") { ui.wake.textContent = t.wakeOff; return; }
    navigator.wakeLock.request("screen").then(function (l) {
      lock = l;
      ui.wake.textContent = t.wakeOn;
      l.addEventListener("release", function () { if (lock === l) { lock = null; ui.wake.textContent = t.wakeOff; } });
    }, function () { ui.wake.textContent = t.wakeOff; });
  }

  function showRun(on) {
    ui.editor.hidden = on;
    ui.runPanel.hidden = !on;
    window.clearInterval(timer);
    wake(on);
    if (!on) { ui.runStart.focus(); return; }
    lastState = "";
    tick();
    timer = window.setInterval(tick, 1000);
    ui.runTitle.focus();
  }

  function remaining(ms) {
    var s = Math.ceil(Math.abs(ms) / 1000);
    return (ms < 0 ? "+" : "") + Math.floor(s / 60) + ":" + pad(s % 60);
  }

  function tick() {
    if (!run || !document.body.contains(ui.root)) { window.clearInterval(timer); return; }
    var segs = segments(), i = Math.min(run.index, segs.length - 1), now = Date.now();
    if (i < 0) { stopRun(); return; }
    var seg = segs[i], began = run.starts[i] || now, length = seg.minutes * 60000, left = began + length - now;
    var state = left < 0 ? "over" : left <= length * 0.05 ? "last" : left <= length * 0.2 ? "low" : "ok";
    ui.runPanel.className = "planner-run planner-run--" + state;
    ui.runOf.textContent = fmt(t.of, { i: i + 1, n: segs.length });
    ui.runTitle.textContent = seg.title;
    ui.runFrom.textContent = seg.from;
    ui.runClock.textContent = remaining(left);
    ui.runState.textContent = t.state[state];
    if (lastState !== state + i) {
      if (lastState) announce(fmt(t.stateSay, { title: seg.title, state: t.state[state] }));
      lastState = state + i;
      ui.runGoal.textContent = "";
      ui.runQuestions.textContent = "";
      if (seg.step) {
        ui.runGoal.append(el("strong", { text: t.goal + ": " }), seg.step.goal);
        (seg.step.questions || []).forEach(function (q) { ui.runQuestions.append(el("li", { text: q })); });
      }
    }
    ui.prev.disabled = i === 0;
    ui.next.disabled = i === segs.length - 1;
    var at = Math.max(now, began + length), next = ui.runNext;
    next.textContent = "";
    for (var j = i + 1; j < segs.length; j++) {
      next.append(el("li", {}, el("span", { class: "planner-print__time", text: clockOf(at) }), " " + segs[j].title + " (" + segs[j].minutes + " " + t.min + ")"));
      at += segs[j].minutes * 60000;
    }
    ui.runEnd.textContent = t.endAt + ": " + clockOf(at);
  }

  function runPanel() {
    ui.runOf = el("p", { class: "planner-run__of" });
    ui.runTitle = el("h3", { class: "planner-run__title", tabindex: "-1" });
    ui.runFrom = el("p", { class: "planner-run__from" });
    ui.runClock = el("p", { class: "planner-run__clock", role: "timer", "aria-live": "off" });
    ui.runState = el("p", { class: "planner-run__state" });
    ui.runGoal = el("p", {});
    ui.runQuestions = el("ul", { class: "planner-run__questions" });
    ui.prev = el("button", { type: "button", class: "planner-button", text: t.prev, onclick: function () { step(-1); } });
    ui.next = el("button", { type: "button", class: "planner-button planner-button--main", text: t.next, onclick: function () { step(1); } });
    ui.runNext = el("ol", { class: "planner-run__next" });
    ui.runEnd = el("p", {});
    ui.wake = el("p", { class: "planner-help" });
    return el("section", { class: "planner-run", "aria-labelledby": "planner-h-run-now", hidden: true },
      el("h2", { id: "planner-h-run-now", text: t.run }), ui.runOf, ui.runTitle, ui.runFrom, ui.runClock, ui.runState,
      el("p", { class: "planner-buttons" }, ui.prev, ui.next,
        el("button", { type: "button", class: "planner-button", text: t.runStop, onclick: stopRun })),
      ui.runGoal, ui.runQuestions, el("h3", { text: t.after }), ui.runNext, ui.runEnd, ui.wake);
  }

  /* ---- Messages about the link ------------------------------------------------------------------ */

  function notices(replaced) {
    var box = ui.notice, items = el("ul", {});
    plan.problems.forEach(function (p) { items.append(el("li", { text: t.problem[p.key] + ": " + p.value })); });
    plan.blocks.forEach(function (b) {
      var v = view(b);
      if (v.missing && b.kind !== "bad") items.append(el("li", { text: t.missingNote + v.title }));
    });
    box.textContent = "";
    if (plan.version > VERSION) box.append(el("p", { text: t.newer }));
    if (items.children.length) box.append(el("p", {}, el("strong", { text: t.problems })), items, el("p", { text: t.rest }));
    if (plan.dropped) box.append(el("p", { text: fmt(t.tooMany, { n: plan.blocks.length + plan.dropped, max: MAX_BLOCKS }) }));
    box.hidden = !box.children.length;
    recentPlans(replaced);
  }

  /* Earlier plans of this browser, calm and folded: open on the visit where a link replaced the
   * reader's plan. Each opens by its link (and the plan shown now joins the list). */
  function recentPlans(replaced) {
    var list = recentOf(stored(STORE), serialise(plan)), box = ui.recent;
    box.textContent = "";
    box.hidden = !list.length;
    if (!list.length) return;
    var items = el("ul", {});
    list.forEach(function (query) {
      var p = parse("?" + query), vs = p.blocks.map(view), names = vs.slice(0, 3).map(function (v) { return v.title; });
      var label = (p.titel ? p.titel + ": " : "") + names.join(", ") + (vs.length > 3 ? ", …" : "") + " (" + duration(total(vs)) + ")";
      items.append(el("li", {}, el("a", { href: window.location.pathname + "?" + query, text: label })));
    });
    box.open = !!replaced;
    box.append(el("summary", { text: fmt(t.recent, { n: list.length }) }), el("p", { text: replaced ? t.recentKept : t.recentText }), items);
  }

  /* ---- Start ------------------------------------------------------------------------------------- */

  function build(root) {
    root.textContent = "";
    ui = { root: root };
    ui.notice = el("div", { class: "planner-notice", role: "alert", hidden: true });
    ui.recent = el("details", { class: "planner-recent", hidden: true });
    ui.unsaved = el("div", { class: "planner-unsaved", role: "alert", hidden: !unsaved },
      el("p", { text: t.unsaved }),
      el("p", { class: "planner-buttons" }, el("button", { type: "button", class: "planner-button", text: t.copy, onclick: copy })));
    ui.linkNote = el("p", { class: "planner-help planner-link-note", role: "status" });
    ui.status = el("p", { class: "planner-status", role: "status" });
    ui.list = el("ol", { class: "planner-list" });
    ui.empty = el("p", { class: "planner-empty", text: t.empty });
    ui.summary = el("div", { class: "planner-summary" });
    ui.link = el("input", { type: "text", readonly: true });
    ui.mail = el("a", { class: "planner-button", text: t.mail });
    ui.runStart = el("button", { type: "button", class: "planner-button planner-button--main", text: t.runStart, onclick: startRun });
    ui.print = el("div", { class: "planner-print" });
    ui.inviteList = el("ul", { class: "planner-invitations" });
    ui.invite = el("section", { class: "planner-section", "aria-labelledby": "planner-h-invite", hidden: true },
      el("h2", { id: "planner-h-invite", text: t.invite }), el("p", { text: t.inviteText }), ui.inviteList);
    ui.exports = [["pdf", t.exportPdf], ["docx", t.exportDocx]].map(function (pair) {
      return el("button", { type: "button", class: "planner-button", "data-export": pair[0], text: pair[1], onclick: function () { exportAs(pair[0]); } });
    });
    var printChoice = el("fieldset", { class: "planner-choice" }, el("legend", { text: t.printChoice }));
    [["draaiboek", t.printScript], ["agenda", t.printAgenda]].forEach(function (pair, i) {
      var id = "planner-print-" + pair[0];
      var radio = el("input", { type: "radio", name: "planner-print", id: id, value: pair[0], checked: i === 0 });
      radio.addEventListener("change", function () { root.setAttribute("data-print", pair[0]); });
      printChoice.append(el("p", {}, radio, el("label", { for: id, text: pair[1] })));
    });
    root.setAttribute("data-print", "draaiboek");
    ui.editor = el("div", { class: "planner-editor" },
      ui.unsaved,
      settings(),
      el("section", { class: "planner-section", "aria-labelledby": "planner-h-blocks" },
        el("h2", { id: "planner-h-blocks", text: t.blocks }), ui.empty, ui.list, adder()),
      el("section", { class: "planner-section", "aria-labelledby": "planner-h-timing" },
        el("h2", { id: "planner-h-timing", text: t.timing }), ui.summary),
      el("section", { class: "planner-section", "aria-labelledby": "planner-h-share" },
        el("h2", { id: "planner-h-share", text: t.share }), el("p", { text: t.shareText }),
        field("planner-link", t.link, ui.link), ui.linkNote,
        el("p", { class: "planner-buttons" },
          el("button", { type: "button", class: "planner-button planner-button--main", text: t.copy, onclick: copy }), ui.mail)),
      ui.invite,
      el("section", { class: "planner-section", "aria-labelledby": "planner-h-print" },
        el("h2", { id: "planner-h-print", text: t.print }), printChoice,
        el("p", { class: "planner-buttons" },
          el("button", { type: "button", class: "planner-button planner-button--main", text: t.printButton, onclick: function () {
            ensure(function () { refresh(); window.print(); });
          } }))),
      el("section", { class: "planner-section", "aria-labelledby": "planner-h-export" },
        el("h2", { id: "planner-h-export", text: t.export }), el("p", { text: t.exportText }),
        el("p", { class: "planner-buttons" }, ui.exports[0], ui.exports[1])),
      el("section", { class: "planner-section", "aria-labelledby": "planner-h-run" },
        el("h2", { id: "planner-h-run", text: t.run }), el("p", { text: t.runText }),
        el("p", { class: "planner-buttons" }, ui.runStart)));
    ui.runPanel = runPanel();
    root.append(ui.notice, ui.recent, ui.runPanel, ui.editor, ui.status, ui.print);
  }

  function copy() {
    ui.link.select();
    if (!navigator.clipboard) { announce(t.copyFailed); return; }
    navigator.clipboard.writeText(ui.link.value).then(function () { announce(t.copied); }, function () { announce(t.copyFailed); });
  }

  /* The plan of the link, or of this browser. A link never discards the reader's own plan: the plan
   * it replaces joins the earlier plans; a link with settings only (?start=10:00) changes the kept
   * plan's settings and keeps its blocks. */
  function open(root) {
    var replaced = false, record = stored(STORE), link = null;
    window.clearInterval(timer);
    run = null;
    if (/[?&](p|start|doel|datum|titel|plaats|bedoeling|notitie)=/.test(window.location.search)) {
      plan = parse(window.location.search);
      if (!plan.keys.p && record && record.query) {
        link = plan;
        plan = parse("?" + record.query);
        ["start", "doel", "datum", "titel", "plaats", "bedoeling", "notitie"].forEach(function (key) { if (link.keys[key]) plan[key] = link[key]; });
        plan.problems = plan.problems.concat(link.problems);
      }
      var query = serialise(plan), recent = recentOf(record, query);
      if (record && record.query && record.query !== query && !link) {
        recent = [record.query].concat(recent.filter(function (q) { return q !== record.query; })).slice(0, RECENT);
        replaced = true;
      }
      keep(STORE, { v: 1, query: query, recent: recent });
      if (link) window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } else {
      plan = parse(record && record.query ? "?" + record.query : "");
      if (record && record.query) window.history.replaceState(window.history.state, "", window.location.pathname + "?" + serialise(plan) + window.location.hash);
    }
    build(root);
    notices(replaced);
    renderList(null);
    refresh();
    var saved = stored(RUN_STORE);
    if (saved && saved.query === serialise(plan) && saved.starts && Date.now() - saved.starts[saved.starts.length - 1] < 12 * 3600000) {
      run = saved;
      showRun(true);
    }
  }

  function setUp() {
    var root = document.getElementById("planner");
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "true");
    lang = own(WAIT, document.documentElement.lang) ? document.documentElement.lang : "nl";
    var loading = el("p", { class: "planner-status", role: "status", text: WAIT[lang].loading });
    root.append(loading);
    var ready = data[lang] ? Promise.resolve(data[lang]) : window.fetch(new URL("gidsen.json", window.location.href).href).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
    // A plan with guides in it (from the link or this browser) needs the details: both at once.
    var record = stored(STORE), linked = /[?&](p|start|doel|datum|titel|plaats|bedoeling|notitie)=/.test(window.location.search);
    var more = needsDetails(parse(linked ? window.location.search : "?" + ((record && record.query) || "")))
      ? fetchDetails(lang).catch(function () { return null; }) : null;
    Promise.all([ready, more]).then(function (both) {
      var json = both[0];
      data[lang] = json;
      if (both[1]) merge(both[1]);
      t = json.ui;
      guides = map();
      json.guides.forEach(function (g) { guides[g.slug] = g; });
      open(root);
    }, function () {
      loading.textContent = WAIT[lang].failed;
    });
  }

  document.addEventListener("visibilitychange", function () {
    if (!run || !ui) return;
    tick();
    if (document.visibilityState === "visible" && !lock) wake(true);
  });
  window.addEventListener("storage", function (event) {
    if (event.key !== STORE || run || !ui || !document.body.contains(ui.root)) return;
    var record = stored(STORE);
    if (!record || record.query === serialise(plan)) return;
    plan = parse("?" + record.query);
    window.history.replaceState(window.history.state, "", window.location.pathname + (record.query ? "?" + record.query : "") + window.location.hash);
    renderList(null);
    refresh();
  });

  window.BelangenPlanner = {
    /* The plan as draaiboek answers ({naam, 'wanneer-waar', doel, programma: [[min, blok, werkvorm,
     * kernvraag, materiaal, leiding], …]}), for the worksheet export. */
    draaiboek: function () { return plan ? draaiboek() : null; },
    query: function () { return plan ? serialise(plan) : ""; },
    /* The link codec, pure (tests/js/planner-link.test.mjs). */
    parse: parse,
    serialise: serialise
  };

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
  else setUp();
})();
