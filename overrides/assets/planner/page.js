/* The planner page around the editor: the page built once per visit (`build`), the messages about
 * the link and the earlier plans, the timing summary (over or left against the target, what can be
 * shortened), the invitations, copying the link, and the export of the draaiboek worksheet, filled
 * in, as PDF or DOCX with the worksheets' own machinery (worksheets/fill.js and its libraries,
 * imported on the first press). */
import { map, own } from "../site/dict.js";
import { save } from "../site/save.js";
import { MAX_BLOCKS, VERSION, parse, serialise } from "./link.js";
import { STORE, recentOf, stored } from "./store.js";
import { against, clock, duration, fmt, shortenings, total, view, views } from "./time.js";
import { S, announce, el, ensure, field, local, pageUrl } from "./state.js";
import { adder, refresh, settings } from "./editor.js";
import { draaiboek } from "./print.js";
import { runPanel, startRun } from "./run.js";

/* ---- Invitations: the template for each guide in the plan ------------------------------------ */

export function invitations() {
  var inPlan = map(), list = S.ui.inviteList, mail = S.data[S.lang].mailto || {};
  S.plan.blocks.forEach(function (b) { if ((b.kind === "guide" || b.kind === "step") && S.guides[b.guide]) inPlan[b.guide] = true; });
  var found = (S.data[S.lang].invitations || []).filter(function (i) { return i.guides.some(function (g) { return inPlan[g]; }); });
  list.textContent = "";
  found.forEach(function (i) {
    var item = el("li", {}, el("a", { href: pageUrl(i.url), text: i.title }));
    if (own(mail, i.id)) item.append(" · ", el("a", { href: mail[i.id], "aria-label": S.t.inviteMail + ": " + i.title, text: S.t.inviteMail }));
    list.append(item);
  });
  S.ui.invite.hidden = !found.length;
}

/* ---- Export: the draaiboek worksheet, filled in, as PDF or DOCX ----------------------------- */

function exportAs(kind) {
  if (S.ui.busy) return;
  S.ui.busy = true;
  refresh();
  announce(kind === "pdf" ? S.t.makingPdf : S.t.makingDocx);
  ensure(function () {
    import(new URL("../worksheets/fill.js", import.meta.url).href).then(function (fill) {
      return (kind === "pdf" ? fill.fillPdf : fill.fillDocx)("draaiboek", S.lang, draaiboek()).then(function (file) {
        save(file.blob, file.name);
        announce(fmt(S.t.exported, { file: file.name }));
      });
    }).catch(function (e) {
      announce(fmt(S.t.exportFailed, { reason: (e && e.message) || String(e) }));
    }).then(function () {
      S.ui.busy = false;
      refresh();
    });
  });
}

export function summary(vs, sum) {
  var box = S.ui.summary;
  box.textContent = "";
  box.append(el("p", { class: "planner-total" }, el("strong", { text: S.t.total + ": " + duration(sum, S.t) }),
    S.plan.start ? " (" + S.plan.start + "–" + clock(S.plan.start, sum) + ")" : ""));
  if (!S.plan.start && sum) box.append(el("p", { class: "planner-help", text: S.t.noStart }));
  if (!S.plan.doel) return;
  var diff = against(sum, S.plan.doel);
  box.append(el("p", { class: "planner-target planner-target--" + (diff > 0 ? "over" : "ok"), text: diff > 0 ? fmt(S.t.over, { d: duration(diff, S.t) }) : diff < 0 ? fmt(S.t.left, { d: duration(-diff, S.t) }) : S.t.exact }));
  if (diff <= 0) return;
  var cuts = shortenings(vs), list = el("ul", {});
  cuts.items.forEach(function (c) {
    list.append(el("li", {}, el("strong", { text: c.where + ": " + c.minutes + " → " + c.shorter + " " + S.t.min + "." }), " " + c.how));
  });
  box.append(el("h3", { text: S.t.shorten }));
  box.append(cuts.saved ? list : el("p", { text: S.t.shortenNone }));
  if (cuts.saved) box.append(el("p", { text: fmt(S.t.saves, { d: duration(cuts.saved, S.t) }) }));
}

/* ---- Messages about the link ------------------------------------------------------------------ */

export function notices(replaced) {
  var box = S.ui.notice, items = el("ul", {});
  S.plan.problems.forEach(function (p) { items.append(el("li", { text: S.t.problem[p.key] + ": " + p.value })); });
  S.plan.blocks.forEach(function (b) {
    var v = view(b, S.guides, S.t);
    if (v.missing && b.kind !== "bad") items.append(el("li", { text: S.t.missingNote + v.title }));
  });
  box.textContent = "";
  if (S.plan.version > VERSION) box.append(el("p", { text: S.t.newer }));
  if (items.children.length) box.append(el("p", {}, el("strong", { text: S.t.problems })), items, el("p", { text: S.t.rest }));
  if (S.plan.dropped) box.append(el("p", { text: fmt(S.t.tooMany, { n: S.plan.blocks.length + S.plan.dropped, max: MAX_BLOCKS }) }));
  box.hidden = !box.children.length;
  recentPlans(replaced);
}

/* Earlier plans of this browser, calm and folded: open on the visit where a link replaced the
 * reader's plan. Each opens by its link (and the plan shown now joins the list). */
function recentPlans(replaced) {
  var list = recentOf(stored(local, STORE), serialise(S.plan)), box = S.ui.recent;
  box.textContent = "";
  box.hidden = !list.length;
  if (!list.length) return;
  var items = el("ul", {});
  list.forEach(function (query) {
    var p = parse("?" + query), vs = views(p.blocks, S.guides, S.t), names = vs.slice(0, 3).map(function (v) { return v.title; });
    var label = (p.titel ? p.titel + ": " : "") + names.join(", ") + (vs.length > 3 ? ", …" : "") + " (" + duration(total(vs), S.t) + ")";
    items.append(el("li", {}, el("a", { href: window.location.pathname + "?" + query, text: label })));
  });
  box.open = !!replaced;
  box.append(el("summary", { text: fmt(S.t.recent, { n: list.length }) }), el("p", { text: replaced ? S.t.recentKept : S.t.recentText }), items);
}

export function build(root) {
  root.textContent = "";
  S.ui = { root: root };
  S.ui.notice = el("div", { class: "planner-notice", role: "alert", hidden: true });
  S.ui.recent = el("details", { class: "planner-recent", hidden: true });
  S.ui.unsaved = el("div", { class: "planner-unsaved", role: "alert", hidden: !S.unsaved },
    el("p", { text: S.t.unsaved }),
    el("p", { class: "planner-buttons" }, el("button", { type: "button", class: "planner-button", text: S.t.copy, onclick: copy })));
  S.ui.linkNote = el("p", { class: "planner-help planner-link-note", role: "status" });
  S.ui.status = el("p", { class: "planner-status", role: "status" });
  S.ui.list = el("ol", { class: "planner-list" });
  S.ui.empty = el("p", { class: "planner-empty", text: S.t.empty });
  S.ui.summary = el("div", { class: "planner-summary" });
  S.ui.link = el("input", { type: "text", readonly: true });
  S.ui.mail = el("a", { class: "planner-button", text: S.t.mail });
  S.ui.runStart = el("button", { type: "button", class: "planner-button planner-button--main", text: S.t.runStart, onclick: startRun });
  S.ui.print = el("div", { class: "planner-print" });
  S.ui.inviteList = el("ul", { class: "planner-invitations" });
  S.ui.invite = el("section", { class: "planner-section", "aria-labelledby": "planner-h-invite", hidden: true },
    el("h2", { id: "planner-h-invite", text: S.t.invite }), el("p", { text: S.t.inviteText }), S.ui.inviteList);
  S.ui.exports = [["pdf", S.t.exportPdf], ["docx", S.t.exportDocx]].map(function (pair) {
    return el("button", { type: "button", class: "planner-button", "data-export": pair[0], text: pair[1], onclick: function () { exportAs(pair[0]); } });
  });
  var printChoice = el("fieldset", { class: "planner-choice" }, el("legend", { text: S.t.printChoice }));
  [["draaiboek", S.t.printScript], ["agenda", S.t.printAgenda]].forEach(function (pair, i) {
    var id = "planner-print-" + pair[0];
    var radio = el("input", { type: "radio", name: "planner-print", id: id, value: pair[0], checked: i === 0 });
    radio.addEventListener("change", function () { root.setAttribute("data-print", pair[0]); });
    printChoice.append(el("p", {}, radio, el("label", { for: id, text: pair[1] })));
  });
  root.setAttribute("data-print", "draaiboek");
  S.ui.editor = el("div", { class: "planner-editor" },
    S.ui.unsaved,
    settings(),
    el("section", { class: "planner-section", "aria-labelledby": "planner-h-blocks" },
      el("h2", { id: "planner-h-blocks", text: S.t.blocks }), S.ui.empty, S.ui.list, adder()),
    el("section", { class: "planner-section", "aria-labelledby": "planner-h-timing" },
      el("h2", { id: "planner-h-timing", text: S.t.timing }), S.ui.summary),
    el("section", { class: "planner-section", "aria-labelledby": "planner-h-share" },
      el("h2", { id: "planner-h-share", text: S.t.share }), el("p", { text: S.t.shareText }),
      field("planner-link", S.t.link, S.ui.link), S.ui.linkNote,
      el("p", { class: "planner-buttons" },
        el("button", { type: "button", class: "planner-button planner-button--main", text: S.t.copy, onclick: copy }), S.ui.mail)),
    S.ui.invite,
    el("section", { class: "planner-section", "aria-labelledby": "planner-h-print" },
      el("h2", { id: "planner-h-print", text: S.t.print }), printChoice,
      el("p", { class: "planner-buttons" },
        el("button", { type: "button", class: "planner-button planner-button--main", text: S.t.printButton, onclick: function () {
          ensure(function () { refresh(); window.print(); });
        } }))),
    el("section", { class: "planner-section", "aria-labelledby": "planner-h-export" },
      el("h2", { id: "planner-h-export", text: S.t.export }), el("p", { text: S.t.exportText }),
      el("p", { class: "planner-buttons" }, S.ui.exports[0], S.ui.exports[1])),
    el("section", { class: "planner-section", "aria-labelledby": "planner-h-run" },
      el("h2", { id: "planner-h-run", text: S.t.run }), el("p", { text: S.t.runText }),
      el("p", { class: "planner-buttons" }, S.ui.runStart)));
  S.ui.runPanel = runPanel();
  root.append(S.ui.notice, S.ui.recent, S.ui.runPanel, S.ui.editor, S.ui.status, S.ui.print);
}

function copy() {
  S.ui.link.select();
  if (!navigator.clipboard) { announce(S.t.copyFailed); return; }
  navigator.clipboard.writeText(S.ui.link.value).then(function () { announce(S.t.copied); }, function () { announce(S.t.copyFailed); });
}
