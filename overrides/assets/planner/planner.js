/* The planner (/plannen/ and /en/plannen/): line up guides, steps, breaks and free blocks; clock
 * times from a start time; over or left against a target length, and what the guides say can be
 * shortened; a share link that holds the whole plan; a facilitator's script and a participants'
 * agenda to print; run mode with a countdown per block. The entry module (overrides/main.html):
 *   link.js   the plan link (parse, serialise, limits)      time.js   model and clock arithmetic
 *   store.js  the plan kept in this browser, earlier plans  state.js  the page's state, shared helpers
 *   editor.js settings, blocks, what follows a change       page.js   the page, summary, export
 *   print.js  script and agenda on paper, the draaiboek     run.js    run mode
 * link.js, time.js and store.js hold no DOM (node --test: tests/js/planner-*.test.mjs).
 * Guide data: plannen/gidsen.json of the page's language, written by the build
 * (hooks/content/planner.py); plannen/details.json (the literal questions, 'when it goes
 * differently', the invitations' mail links) loads when the plan first has a guide or a step in it,
 * so an empty planner loads less; print, run mode and the export wait for it.
 * An ES module: it runs once per document and sets up each planner page that Material's instant
 * navigation swaps in (`document$`), also when the first page opened was another one. */
import { map, own } from "../site/dict.js";
import { parse, serialise } from "./link.js";
import { RUN_STORE, STORE, linked, opening, resumable, stored } from "./store.js";
import { S, el, fetchDetails, keep, local, merge, needsDetails } from "./state.js";
import { refresh, renderList } from "./editor.js";
import { build, notices } from "./page.js";
import { draaiboek } from "./print.js";
import { showRun, tick, wake } from "./run.js";

// The planner's words come with the guide data (data/planner.yml, one language); these two are
// needed before it arrives.
const WAIT = {
  nl: { loading: "De planner wordt geladen…", failed: "De gegevens van de planner kwamen niet binnen. Herlaad de pagina." },
  en: { loading: "Loading the planner…", failed: "The planner's data did not arrive. Reload the page." }
};

function address(search) {
  window.history.replaceState(window.history.state, "", window.location.pathname + search + window.location.hash);
}

/* The plan of the link, or of this browser (store.js opening()); a meeting that was running goes on. */
function open(root) {
  var o = opening(window.location.search, stored(local, STORE));
  window.clearInterval(S.timer);
  S.run = null;
  S.plan = o.plan;
  if (o.record) keep(STORE, o.record);
  if (o.address !== null) address(o.address);
  build(root);
  notices(o.replaced);
  renderList(null);
  refresh();
  var saved = resumable(stored(local, RUN_STORE), serialise(S.plan), Date.now());
  if (saved) {
    S.run = saved;
    showRun(true);
  }
}

function setUp() {
  var root = document.getElementById("planner");
  if (!root || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "true");
  S.lang = own(WAIT, document.documentElement.lang) ? document.documentElement.lang : "nl";
  var loading = el("p", { class: "planner-status", role: "status", text: WAIT[S.lang].loading });
  root.append(loading);
  var ready = S.data[S.lang] ? Promise.resolve(S.data[S.lang]) : window.fetch(new URL("gidsen.json", window.location.href).href).then(function (r) {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  });
  // A plan with guides in it (from the link or this browser) needs the details: both at once.
  var record = stored(local, STORE), search = window.location.search;
  var more = needsDetails(parse(linked(search) ? search : "?" + ((record && record.query) || "")))
    ? fetchDetails(S.lang).catch(function () { return null; }) : null;
  Promise.all([ready, more]).then(function (both) {
    var json = both[0];
    S.data[S.lang] = json;
    if (both[1]) merge(both[1]);
    S.t = json.ui;
    S.guides = map();
    json.guides.forEach(function (g) { S.guides[g.slug] = g; });
    open(root);
  }, function () {
    loading.textContent = WAIT[S.lang].failed;
  });
}

document.addEventListener("visibilitychange", function () {
  if (!S.run || !S.ui) return;
  tick();
  if (document.visibilityState === "visible" && !S.lock) wake(true);
});
window.addEventListener("storage", function (event) {
  if (event.key !== STORE || S.run || !S.ui || !document.body.contains(S.ui.root)) return;
  var record = stored(local, STORE);
  if (!record || record.query === serialise(S.plan)) return;
  S.plan = parse("?" + record.query);
  address(record.query ? "?" + record.query : "");
  renderList(null);
  refresh();
});

window.BelangenPlanner = {
  /* The plan as draaiboek answers ({naam, 'wanneer-waar', doel, programma: [[min, blok, werkvorm,
   * kernvraag, materiaal, leiding], …]}), for the worksheet export. */
  draaiboek: function () { return S.plan ? draaiboek() : null; },
  query: function () { return S.plan ? serialise(S.plan) : ""; },
  /* The link codec, pure (link.js; tests/js/planner-link.test.mjs). */
  parse: parse,
  serialise: serialise
};

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
else setUp();
