"""Results kept by content between builds (hooks/build/store.py: the collapsed pages in
.cache/plugin/slim-html/, the search indexes in .cache/plugin/search-index/, the hosting step's in
.cache/plugin/hosting/) give the site that doing the work gives: a build with warm caches is byte
for byte the build with empty ones, an edited page is collapsed, indexed, hashed and compressed
again, and damaged entries are made again and logged."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil

import brotli

from hooks.build.store import Store
from hooks.hosting import compress
from hooks.pages import slim_html
from tests.helpers import build, scratch_copy

KEPT = ("slim-html", "hosting", "search-index")  # the folders under .cache/plugin/


def _files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_collapsed_page_is_kept_by_its_content_and_a_damaged_entry_is_collapsed_again(tmp_path):
    kept = Store(tmp_path / "slim-html")
    page = "<div>\n    <p>\n      Eerst begrijpen\n    </p>\n</div>\n"
    assert slim_html.collapse_kept(page, kept) == slim_html.collapse(page) and kept.computed == 1
    assert slim_html.collapse_kept(page, kept) == slim_html.collapse(page) and kept.reused == 1
    edited = page.replace("Eerst begrijpen", "Eerst\n      begrijpen, dan oplossen")
    assert (
        slim_html.collapse_kept(edited, kept)
        == slim_html.collapse(edited)
        == ("<div>\n<p>\nEerst\nbegrijpen, dan oplossen\n</p>\n</div>\n")
    )
    for entry in (tmp_path / "slim-html").iterdir():  # each result replaced by another, valid-looking page
        entry.write_bytes(entry.read_bytes().replace(b"<p>", b"<p>Gehackt", 1))
    assert slim_html.collapse_kept(page, kept) == slim_html.collapse(page)
    assert slim_html.collapse_kept(edited, kept) == slim_html.collapse(edited)
    assert len(kept.damaged) == 2
    assert slim_html.collapse_kept(page, kept) == slim_html.collapse(page) and len(kept.damaged) == 2  # repaired


def test_warm_caches_build_the_same_site_as_empty_ones_and_an_edit_reaches_every_kept_step(tmp_path):
    project = scratch_copy(tmp_path / "p")
    for name in KEPT:
        shutil.rmtree(project / ".cache" / "plugin" / name, ignore_errors=True)
    cold = build(project, tmp_path / "cold")
    assert cold.returncode == 0, cold.stderr[-2000:]
    warm = build(project, tmp_path / "warm")
    assert warm.returncode == 0, warm.stderr[-2000:]
    assert "(0 pages scanned" in warm.stderr and "(0 computed" in warm.stderr, warm.stderr[-2000:]
    assert _files(tmp_path / "warm") == _files(tmp_path / "cold")

    source = project / "docs" / "en" / "over.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA sentence written after the first build.\n")
    edited = build(project, tmp_path / "edited")
    assert edited.returncode == 0, edited.stderr[-2000:]
    page = tmp_path / "edited" / "en" / "over" / "index.html"
    raw = page.read_bytes()
    assert b"A sentence written after the first build." in raw
    assert slim_html.collapse(raw.decode("utf-8")) == raw.decode("utf-8")
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == raw
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == raw
    index = (tmp_path / "edited" / "en" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "A sentence written after the first build." in index
    manifest = json.loads((tmp_path / "edited" / "offline.json").read_text(encoding="utf-8"))
    assert manifest["hashes"]["/en/over/"] == hashlib.sha256(raw).hexdigest()[:32]

    # Every collapsed page and every page's hashes damaged, and the compressed copies of the edited
    # page (brotli 11 of every file again would only make the test slow): the build makes them again.
    kept = project / ".cache" / "plugin"
    damaged = [*(kept / "slim-html").iterdir(), *(kept / "hosting" / "policy").iterdir()]
    damaged += (kept / "search-index").iterdir()
    for suffix in (".gz", ".br"):
        key = compress.copy_key(hashlib.sha256(raw).hexdigest(), suffix)
        damaged += (kept / "hosting" / "compress").glob(key + ".*")
    edited_files = _files(tmp_path / "edited")  # before: its .gz/.br are links to the kept copies
    assert len(damaged) > 200 and sum(p.parent.name == "compress" for p in damaged) == 2
    for entry in damaged:
        entry.write_bytes(entry.read_bytes()[:-1] + b"!")
    again = build(project, tmp_path / "again")
    assert again.returncode == 0, again.stderr[-2000:]
    assert _files(tmp_path / "again") == edited_files
    assert "slim-html cache: " in again.stderr and "hosting cache: compress/" in again.stderr
    assert "hosting cache: policy/" in again.stderr and "search-index cache: " in again.stderr


def _mixed_index(site, money: str) -> None:
    """The search plugin's index for both languages, as hooks/i18n_hook.py finds it after a build
    (it writes the Dutch index over it)."""
    docs = [
        {"location": "", "title": "Start", "text": f"<p>De bestuurder en de partner zoeken {money}.</p>"},
        {"location": "methode/", "title": "Methode", "text": "<p>Een procesbegeleider helpt.</p>"},
        {"location": "en/", "title": "Home", "text": "<p>The director and the partner look for money.</p>"},
    ]
    shutil.rmtree(site, ignore_errors=True)
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(
        json.dumps({"config": {"lang": ["nl", "en"]}, "docs": docs}), encoding="utf-8"
    )


def _indexes(site) -> dict[str, bytes]:
    return {
        lang: (site / prefix / "search" / "search_index.json").read_bytes()
        for lang, prefix in (("nl", ""), ("en", "en"))
    }


def test_the_search_indexes_are_kept_by_index_synonyms_and_code_and_a_damaged_entry_is_made_again(
    tmp_path, monkeypatch
):
    from hooks.content import synonyms
    from hooks.pages import i18n_site

    rules = tmp_path / "synonyms.yml"
    rules.write_text("nl:\n  - {words: [baas], site: [bestuurder]}\nen:\n  - {words: [boss], site: [director]}\n")
    monkeypatch.setattr(synonyms, "SOURCE", rules)
    fresh, site, kept = tmp_path / "fresh", tmp_path / "site", Store(tmp_path / "search-index")

    def same_as_fresh(money: str = "geld") -> dict[str, bytes]:
        for folder in (fresh, site):
            _mixed_index(folder, money)
        counts = i18n_site.write_search_indexes(fresh)
        assert i18n_site.write_search_indexes_kept(site, kept) == counts
        assert _indexes(site) == _indexes(fresh)
        return _indexes(site)

    first = same_as_fresh()
    assert b'"synonyms":"baas"' in first["nl"] and b'"synonyms":"boss"' in first["en"] and kept.computed == 1
    assert same_as_fresh() == first and kept.reused == 1

    rules.write_text("nl:\n  - {words: [centen], site: [geld]}\nen:\n  - {words: [boss], site: [director]}\n")
    assert b'"synonyms":"centen"' in same_as_fresh()["nl"] and kept.computed == 2  # new rules: made again

    assert b"zoeken meer geld" in same_as_fresh("meer geld")["nl"] and kept.computed == 3  # a page changed

    for entry in (tmp_path / "search-index").iterdir():
        entry.write_bytes(entry.read_bytes().replace(b"meer geld", b"minder geld"))
    assert b"zoeken meer geld" in same_as_fresh("meer geld")["nl"]
    assert len(kept.damaged) == 1 and kept.computed == 4


def test_the_cards_characters_are_kept_by_the_fonts_and_a_damaged_entry_is_read_from_the_fonts_again(
    tmp_path, monkeypatch
):
    from fontTools import subset

    from hooks.pages import cards

    def fresh_start():
        cards._characters.cache_clear()
        cards._drawing_digest.cache_clear()

    monkeypatch.setattr(cards, "DAMAGED", [])
    fresh_start()
    assert cards.missing_characters("café", tmp_path) == [] and len(list(tmp_path.iterdir())) == 1
    assert cards.missing_characters("A → B", tmp_path) == ["U+2192 '→'"]

    ascii_only = tmp_path / "fonts" / "ascii.ttf"  # a font without 'é': the kept list no longer holds
    ascii_only.parent.mkdir()
    options = subset.Options()
    font = subset.load_font(cards.REGULAR, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=range(0x20, 0x7F))
    subsetter.subset(font)
    font.save(ascii_only)
    monkeypatch.setattr(cards, "REGULAR", ascii_only)
    fresh_start()
    assert cards.missing_characters("café", tmp_path) == ["U+00E9 'é'"]
    monkeypatch.undo()
    monkeypatch.setattr(cards, "DAMAGED", [])

    fresh_start()
    kept = tmp_path / "kept"
    assert cards.missing_characters("A → B", kept) == ["U+2192 '→'"]
    (entry,) = kept.iterdir()
    entry.write_bytes(entry.read_bytes().replace(b"[", b"[8594,", 1))  # '→' slipped into the list
    fresh_start()
    assert cards.missing_characters("A → B", kept) == ["U+2192 '→'"]
    assert cards.DAMAGED == [entry.name]
    fresh_start()
