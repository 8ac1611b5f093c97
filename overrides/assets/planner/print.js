/* What the planner prints and exports: the facilitator's script and the participants' agenda (both
 * built into the page, planner.css shows the chosen one on paper), and the plan as answers of the
 * draaiboek worksheet. */
import { map } from "../site/dict.js";
import { clock, duration, fmt, longDate, total, views } from "./time.js";
import { S, el, pageUrl } from "./state.js";

/* ---- The draaiboek (worksheets/draaiboek.yml) filled from the plan -------------------------- */

/* Answers for the session-plan worksheet, keyed by its field ids, one language: the hook for
 * exporting the plan as a filled DOCX and PDF with the worksheet machinery. */
export function draaiboek() {
  var vs = views(S.plan.blocks, S.guides, S.t).filter(function (v) { return !v.missing; }), goals = [];
  vs.forEach(function (v) { if (v.g && goals.indexOf(v.g.goal) < 0) goals.push(v.g.goal); });
  // As on the printed agenda: the date written out, start–end, the venue; the purpose if given.
  var end = total(vs), when = [longDate(S.plan.datum, S.lang), S.plan.start ? S.plan.start + "–" + clock(S.plan.start, end) : "", S.plan.plaats].filter(Boolean).join(", ");
  var rows = [];
  vs.forEach(function (v) {
    v.segments.forEach(function (s) {
      var at = S.plan.start ? clock(S.plan.start, s.from) + "–" + clock(S.plan.start, s.from + s.minutes) + " " : "";
      var questions = (s.step && s.step.questions) || [];
      rows.push({ minuten: String(s.minutes), blok: at + s.title + (s.step ? ": " + s.step.goal : ""), kernvraag: questions[0] || "" });
    });
  });
  return { naam: S.plan.titel, "wanneer-waar": when, doel: S.plan.bedoeling || goals.join(" "), programma: rows };
}

/* ---- Print views: the facilitator's script and the participants' agenda -------------------- */

/* A page address on paper: without the scheme, never broken inside (planner.css). */
function shortUrl(href) {
  var u = new URL(href);
  return u.host + u.pathname + u.hash;
}

/* When, where and what for: the head of both print views. */
function printHead(box, title, sum) {
  var times = S.plan.start ? S.plan.start + "–" + clock(S.plan.start, sum) : duration(sum, S.t);
  box.append(el("h2", { class: "planner-print__title", text: title }));
  var facts = el("dl", { class: "planner-print__facts" },
    el("dt", { text: S.t.when }), el("dd", { class: "planner-print__when", text: [longDate(S.plan.datum, S.lang), times].filter(Boolean).join(", ") }));
  if (S.plan.plaats) facts.append(el("dt", { text: S.t.where }), el("dd", { class: "planner-print__where", text: S.plan.plaats }));
  box.append(facts);
  if (S.plan.bedoeling) box.append(el("p", { class: "planner-print__purpose" }, el("strong", { text: S.t.purpose + ": " }), S.plan.bedoeling));
}

export function printViews(vs, sum) {
  var shown = vs.filter(function (v) { return !v.missing; });
  var script = el("div", { class: "planner-print__script" });
  printHead(script, S.t.script + (S.plan.titel ? ": " + S.plan.titel : ""), sum);
  if (S.plan.notitie) script.append(el("p", { class: "planner-print__note" }, el("strong", { text: S.t.note + ": " }), S.plan.notitie));
  var agenda = el("div", { class: "planner-print__agenda" });
  printHead(agenda, S.plan.titel || S.t.agenda, sum);
  // Per guide the steps in the S.plan: its 'when it goes differently' shows only their situations.
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
    var range = clock(S.plan.start, v.from) + "–" + clock(S.plan.start, v.from + v.minutes);
    var row = el("li", {}, el("span", { class: "planner-print__time", text: range }), " " + v.title);
    if (v.b.kind === "guide") {
      var sub = el("ol", {});
      v.segments.forEach(function (s) { sub.append(el("li", {}, el("span", { class: "planner-print__time", text: clock(S.plan.start, s.from) }), " " + s.title)); });
      row.append(sub);
    }
    rows.append(row);

    var block = el("section", { class: "planner-print__block" },
      el("h3", {}, el("span", { class: "planner-print__time", text: range }), " " + v.title + " (" + duration(v.minutes, S.t) + ")"));
    if (v.g) {
      block.append(el("p", { class: "planner-print__from" }, S.t.from + ": ",
        el("a", { href: pageUrl(v.url), "data-print-url": shortUrl(pageUrl(v.url)), text: v.b.kind === "guide" ? v.g.title : v.g.title + " › " + v.title })));
    }
    if (v.b.kind === "guide") block.append(el("p", {}, el("strong", { text: S.t.goal + ": " }), v.g.goal));
    v.segments.forEach(function (s) {
      if (!s.step) return;
      var part = el("div", { class: "planner-print__step" });
      if (v.b.kind === "guide") part.append(el("h4", {}, el("span", { class: "planner-print__time", text: clock(S.plan.start, s.from) }), " " + s.title + " (" + s.minutes + " " + S.t.min + ")"));
      part.append(el("p", {}, el("strong", { text: S.t.goal + ": " }), s.step.goal));
      part.append(el("p", { class: "planner-print__label", text: S.t.questions + ":" }));
      var qs = el("ul", {});
      (s.step.questions || []).forEach(function (q) { qs.append(el("li", { text: q })); });
      part.append(qs);
      block.append(part);
    });
    var here = {};
    v.segments.forEach(function (s) { if (s.step) here[s.step.id] = true; });
    if (v.g && firstAt[v.g.slug] === undefined) {
      var found = situations(v.g, inPlan[v.g.slug]);
      firstAt[v.g.slug] = found.length ? clock(S.plan.start, v.from) : null;
      if (found.length) {
        var dl = el("dl", { class: "planner-print__anders" });
        found.forEach(function (a) {
          var item = el("div", {}, el("dt", { text: a.title }));
          a.text.forEach(function (p) { item.append(el("dd", { text: p })); });
          dl.append(item);
        });
        block.append(el("h4", { text: S.t.anders }), dl);
      }
    } else if (v.g && firstAt[v.g.slug] && situations(v.g, here).length) {
      block.append(el("p", { class: "planner-print__label", text: fmt(S.t.andersAbove, { c: firstAt[v.g.slug] + " " + v.g.title }) }));
    }
    script.append(block);
  });
  agenda.append(rows);
  S.ui.print.textContent = "";
  S.ui.print.append(script, agenda);
}
