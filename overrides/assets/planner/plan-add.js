/* 'Add to plan' on every conversation guide: a button for the whole guide (below its fact box)
 * and one below each timed step of the 'Verloop'. A click appends the block to the plan kept in
 * this browser (the versioned record assets/planner/planner.js reads) and says so, with a link to the
 * planner that carries the whole plan, and an undo. A block already in the plan is not added
 * twice: a second press says so (with undo). A plan this browser could not keep is said; the link
 * still carries it. Loaded on guide pages only (overrides/main.html), an ES module: it runs once per
 * document and prepares each guide page instant navigation swaps in through `document$`. */
import { own } from "../site/dict.js";

var TEXT = {
  nl: {
    guide: "Zet dit gesprek in je plan", step: "Zet deze stap in je plan", added: "Staat in je plan.",
    already: "Staat al in je plan.", open: "Naar de planner", undo: "Ongedaan maken", removed: "Weer uit je plan gehaald.",
    unkept: "Deze browser kon je plan niet bewaren. Deze link bewaart het:"
  },
  en: {
    guide: "Add this guide to your plan", step: "Add this step to your plan", added: "Added to your plan.",
    already: "Already in your plan.", open: "Open the planner", undo: "Undo", removed: "Taken out of your plan again.",
    unkept: "This browser could not keep your plan. This link holds it:"
  }
};

/* The plan link with one block more: p=a,b -> p=a,b,token; the version stays last. */
function append(query, token) {
  var version = "v=1", found = false, out = [];
  query.split("&").forEach(function (part) {
    if (!part) return;
    if (part.indexOf("v=") === 0) { version = part; return; }
    if (part.indexOf("p=") === 0) { found = true; part += part.length > 2 ? "," + token : token; }
    out.push(part);
  });
  if (!found) out.unshift("p=" + token);
  return out.concat(version).join("&");
}

/* The blocks of a plan link; the link without the last `token` among them (undo). */
function blocks(query) {
  var part = query.split("&").filter(function (p) { return p.indexOf("p=") === 0; })[0];
  return part ? part.slice(2).split(",") : [];
}

function without(query, token) {
  var list = blocks(query), at = list.lastIndexOf(token);
  if (at < 0) return query;
  list.splice(at, 1);
  return query.replace(/(^|&)p=[^&]*/, list.length ? "$1p=" + list.join(",") : "").replace(/^&?(v=\d+)?$/, "");
}

/* The plan this browser keeps ({v: 1, query, …}: the planner's record; other fields stay), and
 * writing it back: false when the browser refused (full, switched off): the link carries it. */
function read() {
  try {
    var kept = JSON.parse(localStorage.getItem("bot-plan"));
    if (kept && kept.v === 1 && typeof kept.query === "string") return kept;
  } catch (e) { /* unreadable or switched off: a new plan */ }
  return { v: 1, query: "" };
}

function write(record) {
  try { localStorage.setItem("bot-plan", JSON.stringify(record)); return true; } catch (e) { return false; }
}

/* A press adds the block once; pressed again, it says the block is in the plan. Both with undo. */
function add(token, status, text, button) {
  var record = read(), undo = document.createElement("button"), link = document.createElement("a");
  function say(message, query, offer) {
    link.href = "../../plannen/" + (query ? "?" + query : ""); // guides live at <language root>/gesprekken/<slug>/
    link.textContent = text.open;
    status.textContent = message + " ";
    status.append(link);
    if (offer) status.append(" · ", undo);
  }
  undo.type = "button";
  undo.textContent = text.undo;
  undo.addEventListener("click", function () {
    var now = read();
    now.query = without(now.query, token);
    write(now);
    say(text.removed, now.query);
    button.focus();
  });
  if (blocks(record.query).indexOf(token) >= 0) return say(text.already, record.query, true);
  record.query = append(record.query, token);
  if (write(record)) say(text.added, record.query, true);
  else say(text.unkept, record.query);
}

function button(label, detail, token, text) {
  var box = document.createElement("p"), btn = document.createElement("button"), status = document.createElement("span");
  box.className = "plan-add";
  btn.type = "button";
  btn.textContent = label;
  btn.setAttribute("aria-label", label + ": " + detail); // the visible words first (WCAG 2.5.3)
  status.setAttribute("role", "status");
  btn.addEventListener("click", function () { add(token, status, text, btn); });
  box.append(btn, status);
  return box;
}

function title(heading) {
  var copy = heading.cloneNode(true), link = copy.querySelector(".headerlink");
  if (link) link.remove();
  return copy.textContent.trim();
}

function setUp() {
  var match = location.pathname.match(/\/gesprekken\/([a-z0-9-]+)\/$/), verloop = document.getElementById("verloop");
  var article = document.querySelector(".md-content__inner"), h1 = article && article.querySelector("h1");
  if (!match || !verloop || !h1 || article.querySelector(".plan-add")) return;
  var lang = document.documentElement.lang, text = own(TEXT, lang) || TEXT.nl;
  (article.querySelector(".factbox") || h1).after(button(text.guide, title(h1), match[1], text));
  for (var el = verloop.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
    if (el.tagName === "H3" && el.id) {
      var box = button(text.step, title(el), match[1] + "." + el.id, text);
      el.after(box);
      el = box;
    }
  }
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
else setUp();
