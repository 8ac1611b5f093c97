/* The planner page's state and what its views share: the plan shown, the page's words and guide
 * data, the elements built (`S.ui`), a running meeting; building elements, announcing, keeping a
 * record in this browser, and the details that load on first need (plannen/details.json: the
 * literal questions, 'when it goes differently', the invitations' mail links). */
import { map, own } from "../site/dict.js";
import { STORE, put } from "./store.js";

// Every lookup keyed by text from a link, a file or storage is a map without a prototype
// (site/dict.js `map()`), or read with `own()`: a block called 'constructor' is then simply not found.
export const S = {
  lang: "nl", // the page's language
  t: {}, // the planner's words (data/planner.yml, with the guide data)
  data: map(), // per language: plannen/gidsen.json
  guides: map(), // the page language's guides by slug
  plan: null, // the plan shown (link.js parse())
  ui: null, // the elements of the page (page.js build())
  run: null, // a running meeting {v, query, index, starts}
  timer: 0,
  lock: null, // the screen wake lock in run mode
  lastState: "",
  extra: map(), // per language: the promise of plannen/details.json
  unsaved: false // the last save of the plan failed
};

/** This browser's storage (a function: reading it throws where storage is switched off). */
export function local() { return window.localStorage; }

export function el(tag, attrs) {
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

/* True when the record is in this browser's storage; when it is not (storage full or off), the
 * planner says so where the reader works, until a save works again: the link still holds the plan. */
export function keep(key, record) {
  var ok = put(local, key, record);
  if (key === STORE) {
    S.unsaved = !ok;
    if (S.ui && S.ui.unsaved) S.ui.unsaved.hidden = ok;
  }
  return ok;
}

export function pageUrl(path) { return new URL("../" + path, window.location.href).href; }

export function needsDetails(p) {
  return p.blocks.some(function (b) { return b.kind === "guide" || b.kind === "step"; });
}

export function fetchDetails(code) {
  if (!S.extra[code]) {
    S.extra[code] = window.fetch(new URL("details.json", window.location.href).href).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
    S.extra[code].catch(function () { delete S.extra[code]; }); // a later need tries again
  }
  return S.extra[code];
}

/* Questions and situations into the guides of the page's data (once per language). */
export function merge(json) {
  var into = own(S.data, json && json.lang);
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
export function ensure(then) {
  if (S.data[S.lang].details || !needsDetails(S.plan)) { then(); return; }
  fetchDetails(S.lang).then(merge).then(then, then);
}

export function announce(message) {
  S.ui.status.textContent = "";
  window.setTimeout(function () { S.ui.status.textContent = message; }, 30);
}

export function field(id, label, input, help) {
  input.id = id;
  var box = el("p", { class: "planner-field" }, el("label", { for: id, text: label }), input);
  if (help) {
    input.setAttribute("aria-describedby", id + "-help");
    box.append(el("span", { class: "planner-help", id: id + "-help", text: help }));
  }
  return box;
}
