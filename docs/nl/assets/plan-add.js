/* 'Add to plan' on every conversation guide: a button for the whole guide (below its fact box)
 * and one below each timed step of the 'Verloop'. A click appends the block to the plan kept in
 * this browser (the versioned record assets/planner.js reads) and says so, with a link to the
 * planner that carries the whole plan. Loaded on guide pages only (overrides/main.html). */
(function () {
  "use strict";
  if (window.__planAdd) return;
  window.__planAdd = true;
  var TEXT = {
    nl: ["Zet dit gesprek in je plan", "Zet deze stap in je plan", "Staat in je plan.", "Naar de planner"],
    en: ["Add this guide to your plan", "Add this step to your plan", "Added to your plan.", "Open the planner"]
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

  function add(token, status, text) {
    var record = { v: 1, query: "" }, query;
    try {
      var kept = JSON.parse(localStorage.getItem("bot-plan") || "null");
      if (kept && kept.v === 1 && typeof kept.query === "string") record = kept;
      record.query = query = append(record.query, token);
      localStorage.setItem("bot-plan", JSON.stringify(record));
    } catch (e) {
      query = append("", token); // not kept in this browser: the link still carries the block
    }
    var link = document.createElement("a");
    link.href = "../../plannen/?" + query; // guides live at <language root>/gesprekken/<slug>/
    link.textContent = text[3];
    status.textContent = text[2] + " ";
    status.appendChild(link);
  }

  function button(label, detail, token, text) {
    var box = document.createElement("p"), btn = document.createElement("button"), status = document.createElement("span");
    box.className = "plan-add";
    btn.type = "button";
    btn.textContent = label;
    btn.setAttribute("aria-label", label + ": " + detail); // the visible words first (WCAG 2.5.3)
    status.setAttribute("role", "status");
    btn.addEventListener("click", function () { add(token, status, text); });
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
    var text = TEXT[document.documentElement.lang] || TEXT.nl;
    (article.querySelector(".factbox") || h1).after(button(text[0], title(h1), match[1], text));
    for (var el = verloop.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
      if (el.tagName === "H3" && el.id) {
        var box = button(text[1], title(el), match[1] + "." + el.id, text);
        el.after(box);
        el = box;
      }
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
  else setUp();
})();
