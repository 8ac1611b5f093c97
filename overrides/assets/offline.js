/* Offline use: registers the service worker (/sw.js, hooks/hosting/sw.js) once the page has loaded.
 * The first page tells it which files it used (later pages pass through it). The 'keep offline'
 * control on the home page and the 'new version' notice are in offline-ui.js, loaded when needed. */
(function () {
  "use strict";
  var sw = navigator.serviceWorker, data = document.getElementById("__i18n");
  if (!sw || !window.caches || !data) return;
  var root = new URL(JSON.parse(data.textContent).root, location.href), queue = [], script, checked = Date.now();
  function ui(fn) {
    if (window.__offlineUi) return fn(window.__offlineUi);
    queue.push(fn);
    if (script) return;
    script = document.createElement("script");
    script.src = new URL("assets/offline-ui.js", root).href;
    script.onload = function () { queue.splice(0).forEach(function (f) { f(window.__offlineUi); }); };
    document.head.appendChild(script);
  }
  function post(message) {
    sw.ready.then(function (reg) { if (reg.active) reg.active.postMessage(message); });
  }
  function visit() {
    var urls = sw.controller ? [] : [location.href].concat(performance.getEntriesByType("resource").map(function (e) { return e.name; }));
    var saveData = !!(navigator.connection && navigator.connection.saveData);
    post({ type: "visit", lang: document.documentElement.lang, urls: urls, saveData: saveData });
    if (document.querySelector("[data-offline-keep]")) ui(function (api) { api.keep(post); });
  }
  sw.addEventListener("message", function (event) {
    if (event.data && event.data.type) ui(function (api) { api.message(event.data, post); });
  });
  if (sw.startMessages) sw.startMessages();
  window.addEventListener("load", function () {
    sw.register(new URL("sw.js", root).href, { scope: root.pathname }).then(function (reg) {
      var first = true;
      function each() {
        visit();
        if (!first && Date.now() - checked > 3600e3) { checked = Date.now(); reg.update().catch(function () {}); }
        first = false;
      }
      if (window.document$ && document$.subscribe) document$.subscribe(each); else each();
    }, function () { /* no service worker here (mkdocs serve, file://): the site works online as before */ });
  });
})();
