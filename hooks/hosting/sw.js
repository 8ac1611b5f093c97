/* Service worker of "Belangen op tafel / Interests on the table". Template: hooks/hosting/sw.js;
 * the build writes its data into BUILD and the result to /sw.js (hooks/hosting/offline.py).
 *
 * - One version per build. Within a version every file is what it is, so what is stored is served
 *   from the store, anything else is fetched and stored: the pages a reader opened, their assets,
 *   downloads. From the second page on, search in the reader's language is stored too.
 * - 'Keep offline' (home page, assets/offline-ui.js) stores every file of one language.
 * - A new build installs as a new version: it fetches what the old one held (the files the reader
 *   had, the languages kept) as they now are, takes over, deletes the old caches and tells the
 *   open pages once. Offline, the install waits and the old version keeps serving.
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

async function fetchAndStore(cacheName, url) {
  // A network failure throws a TypeError; a file that is not (or no longer) there, an Error.
  const response = await fetch(key(url), { cache: "no-cache", credentials: "same-origin" });
  if (!keepable(response)) throw new Error(`${key(url)}: ${response.status}`);
  await (await caches.open(cacheName)).put(key(url), response);
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
  const hit = await lookup(url);
  if (hit) return hit;
  try {
    const response = await fetch(event.request);
    if (keepable(response) && !event.request.headers.has("range")) {
      const copy = response.clone();
      event.waitUntil(caches.open(VISITS).then((cache) => cache.put(key(url), copy)));
    }
    return response;
  } catch (error) {
    if (event.request.mode === "navigate" || isPage(url)) return offlinePage(url);
    throw error;
  }
}

// --- messages from the pages (assets/offline.js, assets/offline-ui.js) ----------------------------

self.addEventListener("message", (event) => {
  const message = event.data || {};
  const reply = (answer) => event.source && event.source.postMessage(answer);
  if (message.type === "visit") event.waitUntil(visit(message));
  else if (message.type === "status") event.waitUntil(status(message.lang).then(reply, (e) => reply(failure(message.lang, e))));
  else if (message.type === "keep") event.waitUntil(keep(message.lang).then(broadcast, (e) => broadcast(failure(message.lang, e))));
  else if (message.type === "drop") event.waitUntil(caches.delete(KEEP + message.lang).then(() => status(message.lang)).then(broadcast));
});

function failure(lang, error) {
  return { type: "failed", lang, offline: error instanceof TypeError, message: String((error && error.message) || error) };
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

async function manifest() {
  const url = BUILD.root + "offline.json";
  let response = await lookup(url);
  if (!response) {
    await fetchAndStore(VISITS, url);
    response = await lookup(url);
  }
  const data = await response.json();
  if (data.version !== BUILD.version) throw new Error("outdated");
  return data;
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
  // failure fails the install (the old version stays and the browser tries again later); a file
  // that is gone in this version is simply not carried over.
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
    await fetchAndStore(VISITS, url).catch((error) => {
      if (error instanceof TypeError) throw error;
    });
  }
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
