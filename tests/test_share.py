"""Links that preview (hooks/pages/share.py, hooks/pages/cards.py): every page of the built site names its twins
with hreflang and x-default, carries Open Graph and Twitter card tags in its own language, and has
its own card image: a 1200 x 630 PNG of at most 150 kB, the same bytes on every build."""

from __future__ import annotations

import hashlib
import io
import json
import os
import pathlib
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from hooks.build.common import SourceError
from hooks.pages import cards, share
from tests.helpers import REPO

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _pages(site: pathlib.Path) -> list[pathlib.Path]:
    """Every content page of both languages (not the redirect pages, 404s or assets)."""
    out = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")) or 'http-equiv="refresh"' in index.read_text(encoding="utf-8")[:600]:
            continue
        out.append(index)
    return out


def _head(index: pathlib.Path) -> BeautifulSoup:
    return BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").head


def _meta(head, key: str) -> list[str]:
    return [
        m["content"]
        for m in head.find_all("meta", attrs={"property": key}) + head.find_all("meta", attrs={"name": key})
    ]


def _address(site: pathlib.Path, index: pathlib.Path, site_url: str) -> str:
    rel = index.parent.relative_to(site).as_posix()
    return site_url + ("" if rel == "." else rel + "/")


def _file_of(site: pathlib.Path, url: str, site_url: str) -> pathlib.Path:
    assert url.startswith(site_url), f"{url} is not below {site_url}"
    rel = url[len(site_url) :]
    return site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel


def test_every_page_has_sharing_tags_in_its_own_language(built_site, site_url):
    pages = _pages(built_site)
    assert len(pages) > 90
    problems = []
    for index in pages:
        head, here = _head(index), _address(built_site, index, site_url)
        lang = "en" if here.startswith(site_url + "en/") else "nl"
        html_lang = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").html["lang"]
        expected = {
            "og:url": [here],
            "og:locale": [LOCALES[lang]],
            "og:locale:alternate": [LOCALES["en" if lang == "nl" else "nl"]],
            "og:image:width": ["1200"],
            "og:image:height": ["630"],
            "og:type": ["website"],
            "twitter:card": ["summary_large_image"],
        }
        for key, value in expected.items():
            if _meta(head, key) != value:
                problems.append(f"{here}: {key} is {_meta(head, key)}, expected {value}")
        title = head.find("title").get_text()
        for key in ("og:title", "og:description", "og:image:alt", "twitter:title", "twitter:description"):
            values = _meta(head, key)
            if len(values) != 1 or not values[0].strip():
                problems.append(f"{here}: {key} missing or empty")
        og_title = _meta(head, "og:title")[:1]
        if og_title and og_title[0] not in title:
            problems.append(f"{here}: og:title {og_title[0]!r} is not the page's title {title!r}")
        if _meta(head, "og:description") != [head.find("meta", attrs={"name": "description"})["content"]]:
            problems.append(f"{here}: og:description differs from the page's description")
        if _meta(head, "og:image") != _meta(head, "twitter:image") or len(_meta(head, "og:image")) != 1:
            problems.append(f"{here}: og:image and twitter:image differ or are not one each")
        if html_lang != lang:
            problems.append(f"{here}: page language {html_lang}, expected {lang}")
    assert not problems, "\n".join(problems[:30])


def test_every_page_has_its_own_card_image_of_the_right_size_and_weight(built_site, site_url):
    seen: dict[str, str] = {}
    problems = []
    for index in _pages(built_site):
        here, head = _address(built_site, index, site_url), _head(index)
        url = _meta(head, "og:image")[0]
        if url in seen:
            problems.append(f"{here} shares its card {url} with {seen[url]}")
        seen[url] = here
        lang = "en" if here.startswith(site_url + "en/") else "nl"
        if f"/assets/cards/{lang}/" not in url:
            problems.append(f"{here}: card {url} is not one of its language")
        file = _file_of(built_site, url, site_url)
        if not file.is_file():
            problems.append(f"{here}: card {url} does not exist")
            continue
        data = file.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG" or image.size != (1200, 630):
                problems.append(f"{here}: card is {image.format} {image.size}, expected PNG (1200, 630)")
        if len(data) > 150_000:
            problems.append(f"{here}: card is {len(data)} bytes, more than 150 kB")
    assert not problems, "\n".join(problems[:30])
    assert len(seen) == len(_pages(built_site))


def test_hreflang_links_name_both_twins_and_x_default_in_both_directions(built_site, site_url):
    problems = []
    for index in _pages(built_site):
        here, head = _address(built_site, index, site_url), _head(index)
        links = {link["hreflang"]: link["href"] for link in head.find_all("link", rel="alternate", hreflang=True)}
        if set(links) != {"nl", "en", "x-default"}:
            problems.append(f"{here}: hreflang links {sorted(links)}")
            continue
        lang = "en" if here.startswith(site_url + "en/") else "nl"
        if links[lang] != here:
            problems.append(f"{here}: its own hreflang link is {links[lang]}")
        if links["x-default"] != links["nl"]:
            problems.append(f"{here}: x-default {links['x-default']} is not the Dutch page {links['nl']}")
        other = "nl" if lang == "en" else "en"
        twin = _file_of(built_site, links[other], site_url)
        if not twin.is_file():
            problems.append(f"{here}: twin {links[other]} does not exist")
            continue
        back = {link["hreflang"]: link["href"] for link in _head(twin).find_all("link", rel="alternate", hreflang=True)}
        if back.get(lang) != here:
            problems.append(f"{here}: its twin {links[other]} points back to {back.get(lang)}")
    assert not problems, "\n".join(problems[:30])


def test_material_does_not_fetch_sitemaps_next_to_hreflang_links(built_site):
    """Material looks for sitemap.xml next to each <link rel=alternate>; the build makes it skip
    ours (which would fail twice on every first page view)."""
    bundles = list(built_site.glob(share.BUNDLE_GLOB))
    assert bundles
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        assert share.BUNDLE_REPLACE in text and share.BUNDLE_FIND not in text


def test_cards_stay_out_of_the_offline_set(built_site):
    manifest = json.loads((built_site / "offline.json").read_text(encoding="utf-8"))
    for lang, entry in manifest["languages"].items():
        assert not [f for f in entry["files"] if "/assets/cards/" in f], lang
    assert (built_site / "assets" / "cards" / "nl" / "index.png").is_file()


def test_a_card_is_the_same_bytes_in_another_process_and_without_the_system_fonts(tmp_path):
    """The text is drawn from the bundled font alone: another process with no fontconfig and no
    font path gives the same bytes."""
    args = ["Over geld praten", "Gesprekken", "nl"]
    here = cards.draw(*args)
    script = "import sys; from hooks.pages import cards; sys.stdout.buffer.write(cards.draw(*sys.argv[1:]))"
    env = {**os.environ, "FONTCONFIG_FILE": str(tmp_path / "none.conf"), "HOME": str(tmp_path), "LANG": "C"}
    other = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=REPO, env=env, capture_output=True, check=True
    ).stdout
    assert hashlib.sha256(here).hexdigest() == hashlib.sha256(other).hexdigest()
    assert here != cards.draw("Over geld", "Gesprekken", "nl")  # the text is really in it


def test_a_card_comes_from_the_cache_and_a_damaged_one_is_drawn_again(tmp_path, monkeypatch):
    first = cards.card("Vertrouwensherstel", "Gesprekken", "nl", cache=tmp_path)
    (cached,) = tmp_path.glob("*.png")
    assert cached.read_bytes() == first

    def no_drawing(*_):
        raise AssertionError("drawn again although it was in the cache")

    monkeypatch.setattr(cards, "draw", no_drawing)
    assert cards.card("Vertrouwensherstel", "Gesprekken", "nl", cache=tmp_path) == first
    cached.write_bytes(first[:1000])  # cut off
    monkeypatch.undo()
    assert cards.card("Vertrouwensherstel", "Gesprekken", "nl", cache=tmp_path) == first
    assert cached.read_bytes() == first


def test_a_title_the_font_cannot_draw_is_refused():
    with pytest.raises(SourceError, match="U\\+2192"):
        cards.card("Van A → B", "Gesprekken", "nl")


def test_a_very_long_title_still_fits_the_card():
    data = cards.draw("Een heel lange titel " * 12, "Gesprekken", "nl")
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1200, 630)
    assert len(data) <= cards.MAX_BYTES
