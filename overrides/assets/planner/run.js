/* Run mode: the plan's parts one after another, with a countdown per part (time.js), its goal and
 * questions, what comes next with clock times; the screen kept awake where the browser allows. The
 * running meeting is kept in this browser ('bot-plan-run'), so a reload carries on. */
import { serialise } from "./link.js";
import { RUN_STORE } from "./store.js";
import { clockOf, fmt, remaining, runState, segments, views } from "./time.js";
import { S, announce, el, ensure, keep } from "./state.js";

export function startRun() {
  ensure(function () {
    if (S.run) return;
    S.run = { v: 1, query: serialise(S.plan), index: 0, starts: [Date.now()] };
    keep(RUN_STORE, S.run);
    showRun(true);
  });
}

function stopRun() {
  S.run = null;
  keep(RUN_STORE, { v: 1, stopped: true });
  showRun(false);
}

function step(delta) {
  var segs = segments(views(S.plan.blocks, S.guides, S.t)), i = S.run.index + delta;
  if (i < 0 || i >= segs.length) return;
  S.run.index = i;
  if (delta > 0) S.run.starts[i] = Date.now();
  S.run.starts = S.run.starts.slice(0, i + 1);
  keep(RUN_STORE, S.run);
  S.lastState = "";
  tick();
}

export function wake(on) {
  if (!on) {
    if (S.lock) S.lock.release().catch(function () {});
    S.lock = null;
    return;
  }
  if (!("wakeLock" in navigator) || document.visibilityState !== "visible") { S.ui.wake.textContent = S.t.wakeOff; return; }
  navigator.wakeLock.request("screen").then(function (l) {
    S.lock = l;
    S.ui.wake.textContent = S.t.wakeOn;
    l.addEventListener("release", function () { if (S.lock === l) { S.lock = null; S.ui.wake.textContent = S.t.wakeOff; } });
  }, function () { S.ui.wake.textContent = S.t.wakeOff; });
}

export function showRun(on) {
  S.ui.editor.hidden = on;
  S.ui.runPanel.hidden = !on;
  window.clearInterval(S.timer);
  wake(on);
  if (!on) { S.ui.runStart.focus(); return; }
  S.lastState = "";
  tick();
  S.timer = window.setInterval(tick, 1000);
  S.ui.runTitle.focus();
}

export function tick() {
  if (!S.run || !document.body.contains(S.ui.root)) { window.clearInterval(S.timer); return; }
  var segs = segments(views(S.plan.blocks, S.guides, S.t)), i = Math.min(S.run.index, segs.length - 1), now = Date.now();
  if (i < 0) { stopRun(); return; }
  var seg = segs[i], began = S.run.starts[i] || now, length = seg.minutes * 60000, left = began + length - now;
  var state = runState(left, length);
  S.ui.runPanel.className = "planner-run planner-run--" + state;
  S.ui.runOf.textContent = fmt(S.t.of, { i: i + 1, n: segs.length });
  S.ui.runTitle.textContent = seg.title;
  S.ui.runFrom.textContent = seg.from;
  S.ui.runClock.textContent = remaining(left);
  S.ui.runState.textContent = S.t.state[state];
  if (S.lastState !== state + i) {
    if (S.lastState) announce(fmt(S.t.stateSay, { title: seg.title, state: S.t.state[state] }));
    S.lastState = state + i;
    S.ui.runGoal.textContent = "";
    S.ui.runQuestions.textContent = "";
    if (seg.step) {
      S.ui.runGoal.append(el("strong", { text: S.t.goal + ": " }), seg.step.goal);
      (seg.step.questions || []).forEach(function (q) { S.ui.runQuestions.append(el("li", { text: q })); });
    }
  }
  S.ui.prev.disabled = i === 0;
  S.ui.next.disabled = i === segs.length - 1;
  var at = Math.max(now, began + length), next = S.ui.runNext;
  next.textContent = "";
  for (var j = i + 1; j < segs.length; j++) {
    next.append(el("li", {}, el("span", { class: "planner-print__time", text: clockOf(at) }), " " + segs[j].title + " (" + segs[j].minutes + " " + S.t.min + ")"));
    at += segs[j].minutes * 60000;
  }
  S.ui.runEnd.textContent = S.t.endAt + ": " + clockOf(at);
}

export function runPanel() {
  S.ui.runOf = el("p", { class: "planner-run__of" });
  S.ui.runTitle = el("h3", { class: "planner-run__title", tabindex: "-1" });
  S.ui.runFrom = el("p", { class: "planner-run__from" });
  S.ui.runClock = el("p", { class: "planner-run__clock", role: "timer", "aria-live": "off" });
  S.ui.runState = el("p", { class: "planner-run__state" });
  S.ui.runGoal = el("p", {});
  S.ui.runQuestions = el("ul", { class: "planner-run__questions" });
  S.ui.prev = el("button", { type: "button", class: "planner-button", text: S.t.prev, onclick: function () { step(-1); } });
  S.ui.next = el("button", { type: "button", class: "planner-button planner-button--main", text: S.t.next, onclick: function () { step(1); } });
  S.ui.runNext = el("ol", { class: "planner-run__next" });
  S.ui.runEnd = el("p", {});
  S.ui.wake = el("p", { class: "planner-help" });
  return el("section", { class: "planner-run", "aria-labelledby": "planner-h-run-now", hidden: true },
    el("h2", { id: "planner-h-run-now", text: S.t.run }), S.ui.runOf, S.ui.runTitle, S.ui.runFrom, S.ui.runClock, S.ui.runState,
    el("p", { class: "planner-buttons" }, S.ui.prev, S.ui.next,
      el("button", { type: "button", class: "planner-button", text: S.t.runStop, onclick: stopRun })),
    S.ui.runGoal, S.ui.runQuestions, el("h3", { text: S.t.after }), S.ui.runNext, S.ui.runEnd, S.ui.wake);
}
