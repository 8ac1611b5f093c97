/* Offline use, the visible part (an ES module that offline.js imports when needed):
 * - 'keep offline' on the home page, in the placeholder [data-offline-keep]: shows the size of the
 *   whole language first (from the build's offline.json, through the service worker), stores it,
 *   and can remove it again;
 * - the notice, once, that a newer version of the site is there (sent by a new service worker).
 * Text is set with textContent only; state changes are announced in a role=status line. */
var T = {
  nl: {
    heading: "Zonder internet gebruiken",
    intro: "Ga je naar een plek zonder wifi? Bewaar dan alle Nederlandse pagina's, werkbladen en downloads op dit apparaat. Dat is {size}.",
    keep: "Bewaar op dit apparaat",
    busy: "Bezig met opslaan…",
    progress: "Opgeslagen bestanden",
    kept: "Alles staat op dit apparaat ({size}). De site werkt nu ook zonder internet, in deze browser.",
    drop: "Verwijder van dit apparaat",
    dropped: "Verwijderd van dit apparaat. Pagina's die je hebt geopend, blijven nog bewaard.",
    failed: "Opslaan lukte niet. Controleer je internetverbinding en probeer het opnieuw.",
    offline: "Dit kan alleen met internet. Probeer het opnieuw als je online bent.",
    outdated: "Er is een nieuwe versie van de site. Laad de pagina opnieuw en probeer het dan nog eens.",
    updated: "Er is een nieuwe versie van deze site.",
    reload: "Laad opnieuw",
    close: "Sluiten"
  },
  en: {
    heading: "Use it without internet",
    intro: "Going somewhere without wifi? Keep all English pages, worksheets and downloads on this device. That is {size}.",
    keep: "Keep on this device",
    busy: "Storing…",
    progress: "Files stored",
    kept: "Everything is on this device ({size}). The site now works without internet too, in this browser.",
    drop: "Remove from this device",
    dropped: "Removed from this device. Pages you have opened stay stored for now.",
    failed: "Storing did not work. Check your internet connection and try again.",
    offline: "This needs internet. Try again when you are online.",
    outdated: "There is a new version of the site. Reload the page, then try again.",
    updated: "There is a new version of this site.",
    reload: "Reload",
    close: "Close"
  }
};
var lang = document.documentElement.lang;
var t = T[lang] || T.nl;

// The styles of the control and the notice, loaded with them (not part of every page's weight).
var sheet = document.createElement("link");
sheet.rel = "stylesheet";
sheet.href = new URL("offline.css", import.meta.url).href;
document.head.appendChild(sheet);

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
function size(bytes) {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / 1e6) + " MB";
}

// --- keep offline ------------------------------------------------------------------------------
var box = null, parts = null, post = null, last = null, full = false;

function render(children) {
  box.replaceChildren.apply(box, children);
  box.classList.add("offline-keep--ready");
}

function setup(sender) {
  post = sender;
  var target = document.querySelector("[data-offline-keep]");
  if (!target || target === box) return;
  box = target;
  full = false;
  parts = {
    heading: el("h2", "offline-keep__title", t.heading),
    text: el("p", "offline-keep__text"),
    bar: el("progress", "offline-keep__progress"),
    button: el("button", "md-button md-button--primary offline-keep__button"),
    status: el("p", "offline-keep__status")
  };
  parts.button.type = "button";
  parts.bar.hidden = true;
  parts.bar.setAttribute("aria-label", t.progress);
  parts.status.setAttribute("role", "status");
  parts.button.addEventListener("click", function () {
    if (!last) return;
    parts.button.disabled = true;
    if (last.kept) {
      post({ type: "drop", lang: lang });
    } else {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
      parts.status.textContent = t.busy;
      parts.bar.hidden = false;
      parts.bar.removeAttribute("value");
      post({ type: "keep", lang: lang });
    }
  });
  post({ type: "status", lang: lang }); // shown when the answer (with the size) is there
}

function show(status) {
  if (!full) render([parts.heading, parts.text, parts.bar, parts.button, parts.status]);
  full = true;
  var dropped = last && last.kept && !status.kept;
  last = status;
  parts.text.textContent = (status.kept ? t.kept : t.intro).replace("{size}", size(status.bytes));
  parts.button.textContent = status.kept ? t.drop : t.keep;
  parts.button.disabled = false;
  parts.bar.hidden = true;
  parts.status.textContent = dropped ? t.dropped : "";
  box.setAttribute("data-offline-state", status.kept ? "kept" : "online");
}

function onKeep(message) {
  if (!box || !box.isConnected || message.lang !== lang) return;
  if (message.type === "status") show(message);
  else if (message.type === "progress") {
    parts.bar.hidden = false;
    parts.bar.max = message.total;
    parts.bar.value = message.done;
  } else if (message.type === "failed") {
    if (!full) render([parts.heading, parts.status]); // no size known (offline): just say why
    parts.bar.hidden = true;
    parts.button.disabled = false;
    parts.status.textContent = message.message === "outdated" ? t.outdated : message.offline ? t.offline : t.failed;
    box.setAttribute("data-offline-state", "failed");
  }
}

// --- a new version -----------------------------------------------------------------------------
function notice() {
  if (document.querySelector(".offline-notice")) return;
  var bar = el("div", "offline-notice md-typeset");
  var text = el("p", "offline-notice__text", t.updated);
  var reload = el("button", "md-button md-button--primary", t.reload);
  var close = el("button", "md-button", t.close);
  bar.setAttribute("role", "status");
  reload.type = close.type = "button";
  reload.addEventListener("click", function () { location.reload(); });
  close.addEventListener("click", function () { bar.remove(); });
  bar.append(text, reload, close);
  document.body.appendChild(bar);
}

export const keep = setup;
export function message(message, sender) {
  if (message.type === "updated") notice();
  else onKeep(message, sender);
}
window.__offlineUi = { keep, message }; // as the module exports it (tests/test_offline.py calls it)
