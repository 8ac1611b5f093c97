/* Offline use: registers the service worker (/sw.js, hooks/hosting/sw.js) once the page has loaded.
 * The first page tells it which files it used (later pages pass through it). The 'keep offline'
 * control on the home page and the 'new version' notice are in offline-ui.js, imported when needed.
 * Small on purpose: every page loads it (page weight budget, tests/test_weight.py). An ES module
 * (mkdocs.yml): it runs once per document; each page instant navigation swaps in comes through
 * `document$`. */
const sw = navigator.serviceWorker, data = document.getElementById("__i18n");
let ui;
if (sw && window.caches && data) {
  const root = new URL(JSON.parse(data.textContent).root, location.href);
  const withUi = (fn) => {
    ui = ui || import("./offline-ui.js");
    ui.then(fn);
  };
  const post = (m) => {
    sw.ready.then((r) => { if (r.active) r.active.postMessage(m); });
  };
  sw.addEventListener("message", (e) => {
    if (e.data && e.data.type) withUi((u) => { u.message(e.data, post); });
  });
  if (sw.startMessages) sw.startMessages();
  addEventListener("load", () => {
    sw.register(new URL("sw.js", root).href, { scope: root.pathname }).then(() => {
      const visit = () => {
        const first = sw.controller ? [] : performance.getEntriesByType("resource").map((e) => e.name);
        const save = !!(navigator.connection && navigator.connection.saveData);
        post({ type: "visit", lang: document.documentElement.lang, urls: sw.controller ? [] : [location.href].concat(first), saveData: save });
        if (document.querySelector("[data-offline-keep]")) withUi((u) => { u.keep(post); });
      };
      if (window.document$) window.document$.subscribe(visit); else visit();
    }, () => {}); // no service worker here (file://, some private modes): the site works online
  });
}
