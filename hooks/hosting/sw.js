/* Service worker of "Belangen op tafel / Interests on the table". Template: hooks/hosting/sw.js;
 * the build writes its data into BUILD and the result to /sw.js (hooks/hosting/offline.py).
 *
 * - Online, the network comes first: every page and file is fetched as the server now has it (the
 *   browser revalidates: a 304 when unchanged), so the first load after a deployment shows the
 *   current page. The store answers when the network fails (offline), and first only for files
 *   whose name holds a hash of their content (Material's bundle, stylesheet, search worker).
 * - One version per build. A response is stored under this version only when its bytes have the
 *   hash offline.json gives for it (the build writes both): during an upload that is not atomic,
 *   an old file served under a new version (or a new one under the old) is passed to the page but
 *   never kept. What is stored: the pages a reader opened, their assets, downloads; from the
 *   second page on, search in the reader's language.
 * - 'Keep offline' (home page, assets/offline/offline-ui.js) stores every file of one language.
 * - A new build installs as a new version: it fetches what the old one held (the files the reader
 *   had, the languages kept) as they now are, takes over, deletes the old caches and tells the
 *   open pages once. Offline, or while a file on the server does not yet have this version's hash
 *   (an upload in progress), the install fails, the old version keeps serving, and the browser
 *   tries again on a later visit.
 * - Only GET requests to this site, below its root, pass through here: nothing from another host
 *   is ever stored. */
"use strict";

const BUILD = {};
const PREFIX = "bot-";
const OURS = PREFIX + BUILD.version + "-";
const VISITS = OURS + "visits";
const KEEP = OURS + "keep-";
const SCOPE = new URL(BUILD.root, self.location).href;
const KEPT_MARK = SCOPE + "__kept__";
const TEXT = {
  nl: {
    title: "Niet opgeslagen",
    body: "Je bent offline, en deze pagina staat niet op dit apparaat. Pagina's die je al eerder hebt geopend, werken wel.",
    home: "Naar de startpagina",
  },
  en: {
    title: "Not stored",
    body: "You are offline, and this page is not stored on this device. Pages you have opened before still work.",
    home: "To the home page",
  },
};

function key(url) {
  const u = new URL(url, self.location);
  return u.origin + u.pathname;
}

function ours(url) {
  return url.href.startsWith(SCOPE) && url.pathname !== BUILD.root + "sw.js";
}

function isPage(url) {
  return url.pathname.endsWith("/") || url.pathname.endsWith(".html");
}

function languageOf(url) {
  const path = new URL(url, self.location).pathname;
  let best = BUILD.default;
  for (const [lang, prefix] of Object.entries(BUILD.languages)) {
    if (path.startsWith(prefix) && prefix.length > BUILD.languages[best].length) best = lang;
  }
  return best;
}

// Material's fingerprinted files (hooks/hosting/rules.py: _FINGERPRINTED): a new version has a new name.
function fingerprinted(url) {
  return /\.[0-9a-f]{8,}(?:\.min)?\.(?:js|css)$/.test(url.pathname);
}

function keepable(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

async function ourCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(OURS));
}

async function lookup(url) {
  for (const name of await ourCaches()) {
    const hit = await (await caches.open(name)).match(key(url), { ignoreVary: true, ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

// --- what this version holds: offline.json, and the content hash of every file in it -------------

class Mismatch extends Error {}

let expected = null;

async function manifest() {
  // offline.json of this very build: from the store, or fetched and stored when its version is ours.
  // Another version (the upload is not complete) is an error, and is asked again next time.
  if (!expected) {
    expected = (async () => {
      const url = BUILD.root + "offline.json";
      const hit = await lookup(url);
      const response = hit || (await fetch(key(url), { cache: "no-cache", credentials: "same-origin" }));
      if (!keepable(response)) throw new Error(`${key(url)}: ${response.status}`);
      const data = await response.clone().json();
      if (data.version !== BUILD.version) throw new Mismatch("outdated");
      if (!hit) await (await caches.open(VISITS)).put(key(url), response);
      return data;
    })();
    expected.catch(() => (expected = null));
  }
  return expected;
}

async function digest(response) {
  const bytes = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 32);
}

async function store(cacheName, url, response) {
  // Keep `response` under this version only if it is this version's file; throws Mismatch if not.
  if (!keepable(response)) throw new Error(`${key(url)}: ${response.status}`);
  const wanted = (await manifest()).hashes[new URL(key(url)).pathname];
  if (!wanted || wanted !== (await digest(response))) throw new Mismatch(`${key(url)}: not this version's file`);
  await (await caches.open(cacheName)).put(key(url), response);
}

async function fetchAndStore(cacheName, url) {
  // A network failure throws a TypeError; a file that is not (or no longer) there, an Error; a file
  // that is not this version's (an upload in progress), a Mismatch.
  const response = await fetch(key(url), { cache: "no-cache", credentials: "same-origin" });
  await store(cacheName, url, response);
}

async function broadcast(message) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    client.postMessage(message);
  }
}

function offlinePage(url) {
  const lang = languageOf(url);
  const t = TEXT[lang] || TEXT[BUILD.default];
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.title}</title></head>` +
    `<body><main><h1>${t.title}</h1><p>${t.body}</p><p><a href="${BUILD.languages[lang]}">${t.home}</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "Cache-Control": "no-store",
    },
  });
}

// --- requests ---------------------------------------------------------------------------------

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !ours(url)) return;
  event.respondWith(respond(event, url));
});

async function respond(event, url) {
  if (fingerprinted(url)) {
    const hit = await lookup(url);
    if (hit) return hit;
  }
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    // Offline (or the server unreachable): what this version stored, else a page that says so.
    const hit = await lookup(url);
    if (hit) return hit;
    if (event.request.mode === "navigate" || isPage(url)) return offlinePage(url);
    throw error;
  }
  if (keepable(response) && !event.request.headers.has("range")) {
    const copy = response.clone();
    event.waitUntil(
      (async () => {
        if (!(await lookup(url))) await store(VISITS, url, copy);
      })().catch(() => undefined)
    );
  }
  return response;
}

// --- messages from the pages (assets/offline/offline.js, offline-ui.js) ----------------------------

self.addEventListener("message", (event) => {
  const message = event.data || {};
  const reply = (answer) => event.source && event.source.postMessage(answer);
  if (message.type === "visit") event.waitUntil(visit(message));
  else if (message.type === "status") event.waitUntil(status(message.lang).then(reply, (e) => reply(failure(message.lang, e))));
  else if (message.type === "keep") event.waitUntil(keep(message.lang).then(broadcast, (e) => broadcast(failure(message.lang, e))));
  else if (message.type === "drop") event.waitUntil(caches.delete(KEEP + message.lang).then(() => status(message.lang)).then(broadcast));
});

function failure(lang, error) {
  // A Mismatch: the server holds another version than this service worker (reload, then try again).
  const message = error instanceof Mismatch ? "outdated" : String((error && error.message) || error);
  return { type: "failed", lang, offline: error instanceof TypeError, message };
}

async function visit({ urls = [], lang, saveData }) {
  // The first page loaded before the service worker ran: store what it used. Later pages pass through.
  for (const raw of urls) {
    const url = new URL(raw, self.location);
    if (!ours(url) || (await lookup(url))) continue;
    await fetchAndStore(VISITS, url).catch(() => undefined);
  }
  const pages = (await (await caches.open(VISITS)).keys()).filter((r) => isPage(new URL(r.url))).length;
  if (pages < 2 || saveData || !BUILD.search[lang]) return;
  for (const file of BUILD.search[lang]) {
    if (!(await lookup(file))) await fetchAndStore(VISITS, file).catch(() => undefined);
  }
}

async function isKept(lang) {
  return (await caches.has(KEEP + lang)) && !!(await (await caches.open(KEEP + lang)).match(KEPT_MARK));
}

async function status(lang) {
  const entry = (await manifest()).languages[lang];
  return { type: "status", lang, kept: await isKept(lang), bytes: entry.bytes, files: entry.files.length };
}

async function keep(lang, quiet) {
  const files = (await manifest()).languages[lang].files;
  const cache = await caches.open(KEEP + lang);
  const queue = files.slice();
  let done = 0;
  async function worker() {
    while (queue.length) {
      const file = queue.shift();
      if (!(await cache.match(key(file), { ignoreVary: true }))) {
        const hit = await lookup(file);
        if (hit) await cache.put(key(file), hit);
        else await fetchAndStore(KEEP + lang, file);
      }
      done += 1;
      if (!quiet && (done % 10 === 0 || done === files.length)) await broadcast({ type: "progress", lang, done, total: files.length });
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  await cache.put(KEPT_MARK, new Response(JSON.stringify({ version: BUILD.version, lang }), { headers: { "Content-Type": "application/json" } }));
  return status(lang);
}

// --- versions ---------------------------------------------------------------------------------

async function oldCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX) && !name.startsWith(OURS));
}

self.addEventListener("install", (event) => {
  event.waitUntil(carryOver().then(() => self.skipWaiting()));
});

async function carryOver() {
  // What the reader had in the old version, fetched again as this version has it. A network
  // failure, or a file that the server does not have in this version yet (a Mismatch: the upload
  // is not complete), fails the install: the old version stays and the browser tries again on a
  // later visit. A file that is gone in this version is simply not carried over.
  const visited = new Set();
  const kept = [];
  for (const name of await oldCaches()) {
    const cache = await caches.open(name);
    const language = name.match(/-keep-([a-z]+)$/);
    if (language) {
      if (await cache.match(key(KEPT_MARK))) kept.push(language[1]);
      continue;
    }
    for (const request of await cache.keys()) visited.add(key(request.url));
  }
  for (const url of visited) {
    if (new URL(url).pathname === BUILD.root + "offline.json") continue; // manifest() fetches ours
    await fetchAndStore(VISITS, url).catch((error) => {
      if (error instanceof TypeError || error instanceof Mismatch) throw error;
    });
  }
  await manifest(); // this version's offline.json must be there before it takes over
  for (const lang of kept) await keep(lang, true);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const old = await oldCaches();
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
      if (old.length) await broadcast({ type: "updated" });
    })()
  );
});
