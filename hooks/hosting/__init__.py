"""Hosting: what a web server needs to serve the built site as the tests prove it, written by the
build from the built pages and our own data (hooks/hosting_hook.py, after every language is built).

- policy.py: the security headers, with a Content-Security-Policy whose script and style hashes
  come from the inline scripts and style attributes of the built pages (scripts only where a
  template of the theme or of ours writes them; content never carries script: hooks/content/scriptguard.py);
- rules.py: the host configuration: an nginx server block (`_nginx.conf`), `_headers` and
  `_redirects` (Netlify, Cloudflare Pages): a 404 page per language, every moved page as a 301,
  caching, the security headers;
- offline.py: the service worker (`sw.js`, versioned per build; network first, so a deployment
  reaches readers at once) and the list of files that make a language work offline, with their
  content hashes (`offline.json`);
- compress.py: `.gz` and `.br` next to every text file, for servers that send them as they are;
- sitefiles.py: the site's files read and hashed once for all of the above; what a rebuild with
  nothing changed can reuse (each page's inline hashes, each file's compressed copies) is kept by
  content in .cache/plugin/hosting/ (hooks/build/store.py);
- preview.py: real nginx on a loopback port with exactly that configuration (`make preview`).

CLI: `python -m hooks.hosting write SITE [--site-url URL]` writes it all for a built site;
`python -m hooks.hosting preview [SITE] [--port N]` serves it.
"""

from __future__ import annotations

# Files the hosting step writes into the site folder; none of them is part of the site's content.
# The configuration files are for hosts, never served to a browser.
HOST_CONFIG = ("_headers", "_redirects", "_nginx.conf", "_nginx-brotli.conf")
HOST_FILES = (*HOST_CONFIG, "sw.js", "offline.json")
COMPRESSED_SUFFIXES = (".gz", ".br")
