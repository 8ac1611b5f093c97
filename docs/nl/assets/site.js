/* Language switch that stays on the same page and section.
 *
 * Stock Material + the i18n plugin render the switch links once, for the first page opened; after
 * instant navigation they still point at that page's twin. Here the twin is computed from the
 * current address when the link is used (and the links are kept up to date for hover and copy):
 *   /gesprekken/kerngesprek/#verloop  <->  /en/gesprekken/kerngesprek/#verloop
 * A language switch is a full page load: the other language has its own search index and sitemap.
 */
(function () {
  "use strict";
  var data = document.getElementById("__i18n");
  if (!data) return;
  var i18n = JSON.parse(data.textContent);
  // The site root, resolved once against the first page loaded (instant navigation keeps this script).
  var root = new URL(i18n.root, window.location.href).pathname.replace(/\/?$/, "/");

  function twin(lang) {
    var path = window.location.pathname;
    var rel = path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\//, "");
    var m = rel.match(/^([a-z]{2})(\/|$)/);
    if (m && m[1] !== i18n["default"]) rel = rel.slice(m[0].length);
    var prefix = lang === i18n["default"] ? "" : lang + "/";
    return root + prefix + rel + window.location.search + window.location.hash;
  }

  function refresh() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var lang = links[i].getAttribute("hreflang");
      links[i].setAttribute("href", twin(lang));
      links[i].setAttribute("lang", lang);
      if (lang === document.documentElement.lang) links[i].setAttribute("aria-current", "true");
    }
  }

  window.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      event.stopPropagation(); // before Material's own handlers (instant navigation, 'stay on page')
      window.location.assign(twin(link.getAttribute("hreflang")));
    },
    true
  );
  window.addEventListener("hashchange", refresh);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(refresh);
  } else {
    refresh();
  }
})();

/* Task-list checkboxes (pymdownx.tasklist) sit in an empty <label>, apart from their text: they get
 * the text of their list item as their name (WCAG 4.1.2, axe `label`). Runs after every instant
 * navigation. */
(function () {
  "use strict";
  function nameCheckboxes() {
    var boxes = document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].hasAttribute("aria-label")) continue;
      var item = boxes[i].closest(".task-list-item");
      var text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
      if (text) boxes[i].setAttribute("aria-label", text.length > 120 ? text.slice(0, 117) + "…" : text);
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(nameCheckboxes);
  } else {
    nameCheckboxes();
  }
})();

/* Print: every link in the content shows its full address after the text, so a printed guide or
 * handout still tells the reader where to go. */
(function () {
  "use strict";
  function addresses() {
    var links = document.querySelectorAll(".md-content a[href]:not(.headerlink)");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].href;
      if (/^https?:/.test(href) && links[i].textContent.trim() !== href) links[i].setAttribute("data-print-url", href);
    }
  }
  window.addEventListener("beforeprint", addresses);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    if (mq.addEventListener) mq.addEventListener("change", function (e) { if (e.matches) addresses(); });
  }
})();
