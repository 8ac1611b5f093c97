"""Links that preview: what a page's head says about it when its address is pasted into a mail,
chat or post (Open Graph and Twitter card tags, with a card image from hooks/pages/cards.py), and its
twins in the other language (`<link rel="alternate" hreflang>`, with `x-default`).

- `page_share(...)`: the values for the page's head (overrides/main.html, block site_meta).
- `card_path(lang, rel)`: where a page's card lives below the site root: `assets/cards/<lang>/
  <page path>.png` (`assets/cards/nl/index.png`, `assets/cards/en/gesprekken/kerngesprek.png`).
  Cards are left out of the offline set (hooks/hosting/offline.py): no page loads them.
- `patch_material_bundle(site)`: Material's script fetches `sitemap.xml` next to every
  `<link rel="alternate">` in the head, for its own language selector, which this site does not use
  (assets/site/site.js owns the switch). Next to a page's twin that file does not exist: two failed
  requests and console errors on every first page view. The bundle is told to skip links with
  hreflang, which are exactly ours; a Material version whose bundle no longer has the expression
  fails the build, naming it.
"""

from __future__ import annotations

import pathlib

from hooks.build.common import DEFAULT_LANGUAGE, LANGUAGES, url_prefix

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
CARD_DIR = "assets/cards"
ALT = {
    "nl": "Kaart van {site}: {title}",
    "en": "Card of {site}: {title}",
}

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
BUNDLE_FIND = 'M("link[rel=alternate]")'
BUNDLE_REPLACE = 'M("link[rel=alternate]:not([hreflang])")'


def page_path(lang: str, url: str) -> str:
    """A page's path below its language folder ('' for home, 'gesprekken/kerngesprek/')."""
    url = "" if url in ("", "./", ".") else url
    prefix = url_prefix(lang)
    return url[len(prefix) :] if prefix and url.startswith(prefix) else url


def card_path(lang: str, rel: str) -> str:
    return f"{CARD_DIR}/{lang}/{rel.strip('/') or 'index'}.png"


def page_share(*, lang: str, url: str, title: str, section: str, description: str, site_url: str, site_name: str):
    """The values of a page's sharing tags and language links (all absolute addresses)."""
    root = site_url.rstrip("/") + "/"
    rel = page_path(lang, url)
    twins = {other: root + url_prefix(other) + rel for other in LANGUAGES}
    return {
        "title": title,
        "description": description,
        "url": twins[lang],
        "site_name": site_name,
        "locale": LOCALES[lang],
        "alternate_locales": [LOCALES[other] for other in LANGUAGES if other != lang],
        "image": root + card_path(lang, rel),
        "image_alt": ALT[lang].format(site=site_name, title=title),
        "twins": [{"lang": other, "href": href} for other, href in twins.items()],
        "x_default": twins[DEFAULT_LANGUAGE],
        "card": {"path": card_path(lang, rel), "title": title, "section": section, "lang": lang},
    }


def patch_material_bundle(site: pathlib.Path) -> list[str]:
    """Patch Material's bundle(s) in a built site (see the module's docstring); return the names
    patched. Idempotent."""
    done = []
    for bundle in sorted(site.glob(BUNDLE_GLOB)):
        text = bundle.read_text(encoding="utf-8")
        if BUNDLE_REPLACE in text:
            continue
        if text.count(BUNDLE_FIND) != 1:
            raise ValueError(
                f"{bundle.name}: expected '{BUNDLE_FIND}' once (Material's language selector lookup); "
                "Material changed: look at how its bundle finds <link rel=alternate> and adapt hooks/pages/share.py"
            )
        bundle.write_text(text.replace(BUNDLE_FIND, BUNDLE_REPLACE), encoding="utf-8")
        done.append(bundle.name)
    return done
