"""hooks/pages/slim_html.py: pages lose their template indentation, never a character that shows."""

from __future__ import annotations

import html.parser
import re

from hooks.pages import slim_html


class _Text(html.parser.HTMLParser):
    """What a page shows, as a browser collapses it: text with white space runs as one space, and
    every attribute as written."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(f"<{tag} {attrs}>")

    def handle_data(self, data):
        self.parts.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def _shown(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return parser.text()


SAMPLE = """<div class="a">
      <p>
        Eerst   begrijpen,
        dan <em>pas</em>  oplossen
      </p>
      <button data-copy="Beste <naam>,

    Welkom." title='a > b
      c'>Kopieer</button>
<pre>  line one
      line two</pre>
<textarea>
   typed
   text</textarea>
<script>
  var x = "  a\n  b";
</script>
<!--   a
     comment -->
</div>"""


def test_indentation_goes_and_what_matters_stays():
    out = slim_html.collapse(SAMPLE)
    assert len(out) < len(SAMPLE) and "\n      <p>" not in out
    assert 'data-copy="Beste <naam>,\n\n    Welkom."' in out  # attribute values untouched
    assert "title='a > b\n      c'" in out
    assert "<pre>  line one\n      line two</pre>" in out
    assert "<textarea>\n   typed\n   text</textarea>" in out
    script = SAMPLE[SAMPLE.index("<script>") : SAMPLE.index("</script>")]
    assert script.count("\n") >= 2 and script in out
    assert "<!--   a\n     comment -->" in out
    assert "Eerst   begrijpen," in out  # spaces without a line break are left alone
    assert _shown(out) == _shown(SAMPLE)


def test_every_built_page_shows_the_same_as_its_unslimmed_text(built_site):
    """Collapsing a built page again changes nothing: the build already did it, everywhere."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if "<html" not in text[:500]:
            continue  # a redirect stub
        assert slim_html.collapse(text) == text, page


def test_no_inline_script_holds_what_an_html_tokenizer_takes_for_a_tag(built_site):
    """`i<run.length` in a minified inline script made lychee's HTML tokenizer read a tag and miss
    every link after it: inline code keeps a space after '<'."""
    script = re.compile(r"<script(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)
    for page in sorted(built_site.rglob("*.html")):
        for code in script.findall(page.read_text(encoding="utf-8")):
            assert not re.search(r"<[A-Za-z!/?]", code), (page, re.search(r".{20}<[A-Za-z!/?].{20}", code))
