/* Language switch that stays on the same page and section.
 *
 * Stock Material + the i18n plugin render the switch links once, for the first page opened; after
 * instant navigation they still point at that page's twin. Here the twin is computed from the
 * current address when the link is used (and the links are kept up to date for hover and copy):
 *   /gesprekken/kerngesprek/#verloop  <->  /en/gesprekken/kerngesprek/#verloop
 * A language switch is a full page load: the other language has its own search index and sitemap.
 *
 * An ES module (mkdocs.yml, extra_javascript): it runs once per document, after Material's bundle,
 * and prepares each page that instant navigation swaps in through `document$`.
 */
function languageSwitch() {
  var data = document.getElementById("__i18n");
  if (!data) return;
  var i18n = JSON.parse(data.textContent);

  // A path never starts with '//' here: '//en/x' would be read as the host 'en'. Hosts that merge
  // slashes serve '//gesprekken/kerngesprek/' as the page itself, and a 404 page's root is '//'.
  function clean(path) {
    return ("/" + path).replace(/\/{2,}/g, "/");
  }
  // Only ever a path on this origin; anything else becomes the site root.
  function sameOrigin(target, fallback) {
    try {
      var url = new URL(target, window.location.origin);
      if (url.origin === window.location.origin) return clean(url.pathname) + url.search + url.hash;
    } catch (e) { /* not a URL: fall back */ }
    return fallback;
  }
  // The site root, resolved once against the first page loaded (instant navigation keeps this script).
  var root = (function (value) {
    if (value.charAt(0) === "/") return clean(value).replace(/\/?$/, "/");
    try {
      return clean(new URL(value, window.location.href).pathname).replace(/\/?$/, "/");
    } catch (e) {
      return "/";
    }
  })(String(i18n.root || "/"));

  function twin(lang) {
    var path = clean(window.location.pathname);
    var rel = path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\//, "");
    var m = rel.match(/^([a-z]{2})(\/|$)/);
    if (m && m[1] !== i18n["default"]) rel = rel.slice(m[0].length);
    var prefix = lang === i18n["default"] ? "" : lang + "/";
    return sameOrigin(root + prefix + rel + window.location.search + window.location.hash, root);
  }

  // The switch's target: the twin, or on a 404 page (data-i18n-home) that language's home page.
  function target(link) {
    if (link.hasAttribute("data-i18n-home")) return sameOrigin(link.getAttribute("href"), root);
    return twin(link.getAttribute("hreflang"));
  }

  function refresh() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var lang = links[i].getAttribute("hreflang");
      links[i].setAttribute("href", target(links[i]));
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
      window.location.assign(target(link));
    },
    true
  );
  window.addEventListener("hashchange", refresh);
  each(refresh);
}

/* `fn` on every page: the first one and each that instant navigation swaps in. */
function each(fn) {
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fn);
  else fn();
}

languageSwitch();

/* Form controls that would otherwise have no visible label (WCAG 4.1.2; axe `label`,
 * `label-title-only`); runs after every instant navigation:
 * - task-list checkboxes (pymdownx.tasklist) sit in an empty <label>, apart from their text: they
 *   are named by the text of their list item;
 * - cells of a worksheet's on-screen table carry only a title ('Belang, rij 1'): they are labelled
 *   by their visible column header, and the title stays as their description. */
{
  function nameCheckboxes() {
    var boxes = document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].hasAttribute("aria-label")) continue;
      var item = boxes[i].closest(".task-list-item");
      var text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
      if (text) boxes[i].setAttribute("aria-label", text.length > 120 ? text.slice(0, 117) + "…" : text);
    }
  }
  function labelTableCells() {
    var fields = document.querySelectorAll("table.ws-table td > :is(input, textarea, select)[title]");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.labels && field.labels.length) continue;
      if (field.hasAttribute("aria-labelledby") || field.hasAttribute("aria-label")) continue;
      var cell = field.parentElement;
      var table = cell.closest("table");
      var head = table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[cell.cellIndex];
      if (!head) continue;
      if (!head.id) head.id = (table.id || "ws-table-" + i) + "-col-" + cell.cellIndex;
      field.setAttribute("aria-labelledby", head.id);
    }
  }
  // A table wider than the screen scrolls inside its wrapper: make that wrapper reachable by
  // keyboard and name it after the section it is in (WCAG 2.1.1; axe `scrollable-region-focusable`).
  var tableWord = { nl: "Tabel", en: "Table" };
  function focusableScrollers() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth <= wrap.clientWidth + 1) {
        if (wrap.getAttribute("data-scroll-focus")) {
          wrap.removeAttribute("tabindex");
          wrap.removeAttribute("role");
          wrap.removeAttribute("aria-label");
          wrap.removeAttribute("data-scroll-focus");
        }
        continue;
      }
      if (wrap.hasAttribute("tabindex")) continue;
      var heading = null;
      for (var el = wrap; el && !heading; el = el.parentElement) {
        for (var prev = el.previousElementSibling; prev && !heading; prev = prev.previousElementSibling) {
          if (/^H[1-6]$/.test(prev.tagName)) heading = prev;
        }
      }
      var name = heading ? heading.textContent.replace(/[#¶]\s*$/, "").replace(/\s+/g, " ").trim() : "";
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", (tableWord[document.documentElement.lang] || tableWord.nl) + (name ? ": " + name : ""));
      wrap.setAttribute("data-scroll-focus", "1");
    }
  }
  function run() {
    nameCheckboxes();
    labelTableCells();
    focusableScrollers();
  }
  window.addEventListener("resize", function () {
    window.clearTimeout(run.timer);
    run.timer = window.setTimeout(focusableScrollers, 200);
  });
  each(run);
}

/* Print: every link in the content shows its address (without the scheme) after the text, so a printed guide or
 * handout still tells the reader where to go. A link that brings its own print address (the
 * planner's short ones) keeps it. */
{
  function addresses() {
    var links = document.querySelectorAll(".md-content a[href]:not(.headerlink)");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].href;
      if (links[i].hasAttribute("data-print-url")) continue;
      // Short on paper: the address without its scheme (a reader types 'belangenoptafel.nl/…').
      if (/^https?:/.test(href) && links[i].textContent.trim() !== href) links[i].setAttribute("data-print-url", href.replace(/^https?:\/\//, ""));
    }
  }
  window.addEventListener("beforeprint", addresses);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    if (mq.addEventListener) mq.addEventListener("change", function (e) { if (e.matches) addresses(); });
  }
}

/* The skip link moves keyboard focus, not just the scroll position, to the start of the content, so
 * the next Tab continues there (WCAG 2.4.1). Stock, instant navigation takes the link as a page
 * load: it swaps the page in again and focus falls back to <body>. */
{
  window.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element && event.target.closest("a.md-skip");
      if (!link) return;
      var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation(); // before Material's instant navigation
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    },
    true
  );
}

/* 'Copy link' on every heading: the permalink (#) next to a heading copies the full address of that
 * section, so a consultant can paste it into a mail or a proposal. The address bar follows too. */
{
  var text = { nl: "Link naar dit kopje gekopieerd", en: "Link to this section copied" };
  function announce(message) {
    var box = document.getElementById("copy-status");
    if (!box) {
      box = document.createElement("div");
      box.id = "copy-status";
      box.className = "copy-status";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = message;
    box.classList.add("copy-status--visible");
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () { box.classList.remove("copy-status--visible"); }, 2500);
  }
  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(".md-content a.headerlink");
    if (!link || !navigator.clipboard) return;
    navigator.clipboard.writeText(link.href).then(function () {
      announce(text[document.documentElement.lang] || text.nl);
    }, function () { /* no clipboard access: the address bar still shows the link */ });
  });
}
