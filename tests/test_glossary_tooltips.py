"""Glossary tooltips go into the page's text only: never inside a tag or an attribute value (one
holding '>' included), and not inside links, code, scripts, H1, labels or existing abbreviations."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hooks.content.glossary import add_tooltips


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <abbr> elements."""

    def __init__(self):
        super().__init__()
        self.tags, self.abbr, self._in_abbr = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_abbr = tag == "abbr"

    def handle_endtag(self, tag):
        self._in_abbr = False

    def handle_data(self, data):
        if self._in_abbr:
            self.abbr.append(data)


def parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def test_a_tooltip_never_lands_inside_an_attribute_that_holds_a_greater_than_sign():
    page = (
        "<p data-note=\"x > BATNA y\" title='a > achterban'>De BATNA van de achterban.</p>"
        '<img alt="kijk > BATNA" src="x.png">'
    )
    out = add_tooltips(page, "nl")
    tags = parse(out).tags
    p = next(attrs for tag, attrs in tags if tag == "p")
    img = next(attrs for tag, attrs in tags if tag == "img")
    assert p == {"data-note": "x > BATNA y", "title": "a > achterban"}
    assert img == {"alt": "kijk > BATNA", "src": "x.png"}
    assert parse(out).abbr == ["BATNA", "achterban"]


def test_skip_rules_hold_and_the_text_around_them_gets_its_tooltip():
    page = (
        "<h1>BATNA</h1><p><a href='x'>BATNA</a> <code>BATNA</code> <abbr title='t'>BATNA</abbr></p>"
        "<script>if (a > b) { BATNA(); }</script><label>BATNA</label><p>Een BATNA &amp; de achterban.</p>"
    )
    out = add_tooltips(page, "nl")
    assert parse(out).abbr == ["BATNA", "BATNA", "achterban"]  # the existing one, then two new
    assert "<script>if (a > b) { BATNA(); }</script>" in out
    assert out.count("<abbr") == 3


def test_a_page_without_terms_comes_back_byte_for_byte():
    page = '<!doctype html>\n<p class="x">Geen termen hier &amp; <br/> <!-- c > d --> <b>vet</b></p>\n'
    assert add_tooltips(page, "nl") == page


def test_the_definition_is_an_escaped_attribute():
    out = add_tooltips("<p>BATNA</p>", "nl")
    title = next(attrs["title"] for tag, attrs in parse(out).tags if tag == "abbr")
    assert title and html.escape(title, quote=True) in out
