/* The planner's editor: the settings, adding blocks, each block's row (minutes, move, split,
 * remove), and what follows every change (times, the share link, the print views). Each change goes
 * into the address and this browser at once (`commit`). */
import { MAX_BLOCKS, MAX_MIN, MAX_TEXT, nextUid, serialise, share } from "./link.js";
import { STORE, edited, stored } from "./store.js";
import { clock, fmt, total, view, views } from "./time.js";
import { S, announce, el, fetchDetails, field, keep, local, merge, needsDetails, pageUrl } from "./state.js";
import { invitations, summary } from "./page.js";
import { printViews } from "./print.js";

/* The plan into the address and this browser; false when the browser did not keep it. */
export function commit() {
  var query = serialise(S.plan);
  window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  var ok = keep(STORE, edited(stored(local, STORE), query));
  refresh();
  return ok;
}

export function settings() {
  function bind(input, key, read) {
    input.addEventListener("input", function () {
      S.plan[key] = read ? read(input.value) : input.value;
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
  titel.value = S.plan.titel;
  plaats.value = S.plan.plaats;
  bedoeling.value = S.plan.bedoeling;
  datum.value = S.plan.datum;
  start.value = S.plan.start;
  doel.value = S.plan.doel || "";
  notitie.value = S.plan.notitie;
  return el("section", { class: "planner-section planner-settings", "aria-labelledby": "planner-h-settings" },
    el("h2", { id: "planner-h-settings", text: S.t.settings }),
    el("div", { class: "planner-grid" },
      field("planner-titel", S.t.titel, titel), field("planner-datum", S.t.datum, datum),
      field("planner-start", S.t.start, start), field("planner-doel", S.t.doel, doel),
      field("planner-plaats", S.t.plaats, plaats)),
    field("planner-bedoeling", S.t.bedoeling, bedoeling, S.t.bedoelingHelp),
    field("planner-notitie", S.t.notitie, notitie, S.t.notitieHelp));
}

export function adder() {
  var guideSelect = el("select", {}), partSelect = el("select", {});
  S.data[S.lang].guides.forEach(function (g) {
    guideSelect.append(el("option", { value: g.slug, text: g.title + " (" + g.duration + " " + S.t.min + ")" }));
  });
  function parts() {
    var g = S.guides[guideSelect.value];
    partSelect.textContent = "";
    partSelect.append(el("option", { value: "", text: S.t.whole + " (" + g.duration + " " + S.t.min + ")" }));
    g.steps.forEach(function (s) { partSelect.append(el("option", { value: s.id, text: s.title + " (" + s.minutes + " " + S.t.min + ")" })); });
  }
  guideSelect.addEventListener("change", parts);
  parts();
  function push(block, focus) {
    if (S.plan.blocks.length >= MAX_BLOCKS) { announce(fmt(S.t.full, { max: MAX_BLOCKS })); return; }
    block.uid = nextUid();
    S.plan.blocks.push(block);
    renderList(focus ? { uid: block.uid, control: focus } : null);
    var title = view(block, S.guides, S.t).title;
    announce(commit() ? fmt(S.t.added, { title: title }) : fmt(S.t.addedUnsaved, { title: title }));
  }
  return el("div", { class: "planner-add" },
    el("h3", { text: S.t.add }),
    el("div", { class: "planner-grid" },
      field("planner-gids", S.t.guide, guideSelect), field("planner-deel", S.t.part, partSelect)),
    el("p", { class: "planner-buttons" },
      el("button", { type: "button", class: "planner-button planner-button--main", text: S.t.addButton, onclick: function () {
        var step = partSelect.value;
        push(step ? { kind: "step", guide: guideSelect.value, step: step, minutes: null } : { kind: "guide", guide: guideSelect.value, minutes: null });
      } }),
      el("button", { type: "button", class: "planner-button", text: S.t.addBreak, onclick: function () { push({ kind: "break", minutes: 15 }); } }),
      el("button", { type: "button", class: "planner-button", text: S.t.addFree, onclick: function () {
        push({ kind: "free", minutes: 30, title: "" }, "title");
      } })));
}

function blockItem(v, index, count) {
  var b = v.b, kind = v.missing ? (b.kind === "bad" ? "bad" : "missing") : b.kind;
  var li = el("li", { class: "planner-block planner-block--" + kind, "data-uid": String(b.uid) });
  var main = el("div", { class: "planner-block__main" },
    el("span", { class: "planner-block__time", "data-time": "" }),
    el("span", { class: "planner-block__kind", text: S.t.kind[kind] + (kind === "step" ? " " + v.g.title : "") }));
  if (b.kind === "free") {
    var id = "planner-title-" + b.uid, input = el("input", { type: "text", id: id, maxlength: "120", "data-control": "title", placeholder: S.t.freeTitle });
    input.value = b.title;
    input.addEventListener("input", function () { b.title = input.value; commit(); });
    main.append(el("label", { class: "plan-sr", for: id, text: S.t.freeLabel }), input);
  } else if (v.url && !v.missing) {
    main.append(el("a", { class: "planner-block__title", href: pageUrl(v.url), text: v.title }));
  } else {
    main.append(el("span", { class: "planner-block__title", text: v.title }));
  }
  if (v.missing) main.append(el("span", { class: "planner-block__note", text: kind === "bad" ? S.t.bad : S.t.missing }));
  var controls = el("div", { class: "planner-block__controls" });
  if (!v.missing) {
    var mid = "planner-min-" + b.uid, minutes = el("input", { type: "number", id: mid, min: "1", max: String(MAX_MIN), inputmode: "numeric", "data-control": "minutes" });
    minutes.value = v.minutes;
    minutes.addEventListener("change", function () {
      var value = +minutes.value;
      if (!/^\d+$/.test(minutes.value) || value < 1 || value > MAX_MIN) { minutes.value = view(b, S.guides, S.t).minutes; return; }
      b.minutes = v.standard === value && (b.kind === "guide" || b.kind === "step") ? null : value;
      commit();
    });
    controls.append(el("label", { for: mid }, S.t.minutes, el("span", { class: "plan-sr", text: " " + v.title })), minutes);
  }
  function control(name, label, disabled, action) {
    controls.append(el("button", { type: "button", class: "planner-button planner-button--small", "data-control": name, disabled: disabled,
      onclick: action, "aria-label": label + ": " + v.title, text: label }));
  }
  control("up", S.t.up, index === 0, function () { move(b.uid, -1, "up"); });
  control("down", S.t.down, index === count - 1, function () { move(b.uid, 1, "down"); });
  if (b.kind === "guide" && !v.missing) control("split", S.t.split, false, function () { split(b.uid); });
  control("remove", S.t.remove, false, function () { remove(b.uid); });
  li.append(main, controls);
  return li;
}

function indexOf(id) {
  for (var i = 0; i < S.plan.blocks.length; i++) if (S.plan.blocks[i].uid === id) return i;
  return -1;
}

function move(id, delta, name) {
  var i = indexOf(id), j = i + delta;
  if (j < 0 || j >= S.plan.blocks.length) return;
  var b = S.plan.blocks[i];
  S.plan.blocks[i] = S.plan.blocks[j];
  S.plan.blocks[j] = b;
  renderList({ uid: id, control: name });
  done(fmt(S.t.moved, { title: view(b, S.guides, S.t).title, i: j + 1, n: S.plan.blocks.length }));
}

function remove(id) {
  var i = indexOf(id), title = view(S.plan.blocks[i], S.guides, S.t).title;
  S.plan.blocks.splice(i, 1);
  var next = S.plan.blocks[i] || S.plan.blocks[i - 1];
  renderList(next ? { uid: next.uid, control: "remove" } : { add: true });
  done(fmt(S.t.removed, { title: title }));
}

function split(id) {
  var i = indexOf(id), v = view(S.plan.blocks[i], S.guides, S.t);
  if (S.plan.blocks.length - 1 + v.segments.length > MAX_BLOCKS) { announce(fmt(S.t.full, { max: MAX_BLOCKS })); return; }
  var steps = v.segments.map(function (s) {
    return { kind: "step", guide: v.g.slug, step: s.step.id, minutes: s.minutes === s.step.minutes ? null : s.minutes, uid: nextUid() };
  });
  Array.prototype.splice.apply(S.plan.blocks, [i, 1].concat(steps));
  renderList({ uid: steps[0].uid, control: "minutes" });
  done(fmt(S.t.splitDone, { title: v.title }));
}

/* Save, then say what happened, and that it was not kept when it was not. */
function done(message) {
  announce(commit() ? message : message + " " + S.t.notSaved);
}

export function renderList(focus) {
  var list = S.ui.list, count = S.plan.blocks.length;
  list.textContent = "";
  views(S.plan.blocks, S.guides, S.t).forEach(function (v, i) { list.append(blockItem(v, i, count)); });
  S.ui.empty.hidden = count > 0;
  if (!focus) return;
  if (focus.add) { S.ui.root.querySelector("#planner-gids").focus(); return; }
  var li = list.querySelector('[data-uid="' + focus.uid + '"]');
  var target = li && li.querySelector('[data-control="' + focus.control + '"]');
  if (target && target.disabled) target = li.querySelector('[data-control="' + (focus.control === "up" ? "down" : "up") + '"]');
  if (target && !target.disabled) target.focus();
}

/* Times, summary, share link and print views follow every change. */
export function refresh() {
  var vs = views(S.plan.blocks, S.guides, S.t), sum = total(vs), items = S.ui.list.children;
  vs.forEach(function (v, i) {
    var time = items[i] && items[i].querySelector("[data-time]");
    if (time) time.textContent = v.missing ? "" : clock(S.plan.start, v.from) + "–" + clock(S.plan.start, v.from + v.minutes);
  });
  summary(vs, sum);
  var query = serialise(S.plan), link = window.location.origin + window.location.pathname + (query ? "?" + query : "");
  S.ui.link.value = link;
  // Too long for a mail program: no mail link (copying works); too long for web servers: said.
  var sent = share(link, S.plan.titel || S.t.mailSubject);
  S.ui.mail.href = sent.mail;
  S.ui.mail.hidden = sent.mailHidden;
  var warning = sent.warning === "link" ? fmt(S.t.linkTooLong, { n: link.length, max: 8000 }) : sent.warning === "mail" ? S.t.mailTooLong : "";
  if (S.ui.linkNote.textContent !== warning) S.ui.linkNote.textContent = warning;
  S.ui.runStart.disabled = !vs.some(function (v) { return !v.missing && v.minutes > 0; });
  S.ui.exports.forEach(function (b) { b.disabled = S.ui.runStart.disabled || !!S.ui.busy; });
  invitations();
  printViews(vs, sum);
  if (!S.data[S.lang].details && needsDetails(S.plan)) {
    var shownRoot = S.ui.root;
    fetchDetails(S.lang).then(function (json) {
      merge(json);
      if (S.ui && S.ui.root === shownRoot && document.body.contains(shownRoot)) refresh();
    }, function () { /* tried again on the next change, and before print, run and export */ });
  }
}
