/* Offline use: registers the service worker (/sw.js, hooks/hosting/sw.js) once the page has loaded.
 * The first page tells it which files it used (later pages pass through it). The 'keep offline'
 * control on the home page and the 'new version' notice are in offline-ui.js, loaded when needed.
 * Small on purpose: every page loads it (page weight budget, tests/test_weight.py). */
(function () {
  "use strict";
  var sw = navigator.serviceWorker, data = document.getElementById("__i18n"), ui;
  if (!sw || !window.caches || !data) return;
  var root = new URL(JSON.parse(data.textContent).root, location.href);
  function withUi(fn) {
    ui = ui || new Promise(function (done) {
      var s = document.createElement("script");
      s.src = new URL("assets/offline/offline-ui.js", root).href;
      s.onload = function () { done(window.__offlineUi); };
      document.head.appendChild(s);
    });
    ui.then(fn);
  }
  function post(m) {
    sw.ready.then(function (r) { if (r.active) r.active.postMessage(m); });
  }
  sw.addEventListener("message", function (e) {
    if (e.data && e.data.type) withUi(function (u) { u.message(e.data, post); });
  });
  if (sw.startMessages) sw.startMessages();
  addEventListener("load", function () {
    sw.register(new URL("sw.js", root).href, { scope: root.pathname }).then(function () {
      function visit() {
        var first = sw.controller ? [] : performance.getEntriesByType("resource").map(function (e) { return e.name; });
        var save = !!(navigator.connection && navigator.connection.saveData);
        post({ type: "visit", lang: document.documentElement.lang, urls: sw.controller ? [] : [location.href].concat(first), saveData: save });
        if (document.querySelector("[data-offline-keep]")) withUi(function (u) { u.keep(post); });
      }
      if (window.document$) document$.subscribe(visit); else visit();
    }, function () {}); // no service worker here (file://, some private modes): the site works online
  });
})();
