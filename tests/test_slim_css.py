"""Slimming Material's stylesheet drops only rules that cannot match, and the built site's pages
still get every rule they use."""

from __future__ import annotations

import pathlib
import re

import material

from hooks.pages import slim_css


def test_rules_for_unused_classes_go_and_the_rest_stay():
    css = (
        ":root{--used-icon:url(a.svg);--unused-icon:url(b.svg)}"
        ".md-typeset .note{mask:var(--used-icon)}"
        ".md-typeset .bug{mask:var(--unused-icon)}"
        ".md-nav__link:not(.md-nav__link--gone){color:red}"
        "a[href$='.pdf']{color:blue}"
        "@media print{.md-header,.md-blogpost{display:none}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
    )
    used = {"md-typeset", "note", "md-nav__link", "md-header", "<a"}
    out = slim_css.slim(css, used)
    assert ".bug" not in out and "--unused-icon" not in out
    assert ".md-typeset .note{mask:var(--used-icon)}" in out and "--used-icon:url(a.svg)" in out
    assert ".md-nav__link:not(.md-nav__link--gone)" in out  # classes inside :not() are not required
    assert 'a[href$=".pdf"]' in out  # '.pdf' in an attribute value is not a class
    assert "@media print{.md-header{display:none}}" in out and "md-blogpost" not in out
    assert "@keyframes spin" in out


def test_rules_for_elements_directions_and_components_the_site_lacks_go():
    css = (
        ".md-typeset kbd{color:red}.md-typeset p>a{color:blue}"
        "[dir=rtl] .md-nav{margin-right:1px}[dir=ltr] .md-nav{margin-left:1px}"
        ".md-typeset .tabbed-labels{display:flex}.md-annotation{color:green}"
    )
    page = '<p class="md-typeset md-nav"><a>x</a></p>'
    used = set(slim_css.usage("x/index.html", page)[0]) | {"tabbed-labels", "md-annotation", "kbd-like"}
    out = slim_css.slim(css, used)
    assert "kbd" not in out and ".md-typeset p>a{color:blue}" in out  # no <kbd> on a page: its rule goes
    assert "[dir=rtl]" not in out and "[dir=ltr] .md-nav" in out  # no right-to-left page
    assert "tabbed-labels" not in out and "md-annotation" not in out  # words of a script, no tabs or code
    # The same words count once a page has what those components need.
    richer = page + '<div class="tabbed-set"></div><pre><code>x</code></pre><kbd>K</kbd><p dir="rtl"></p>'
    used = set(slim_css.usage("y/index.html", richer)[0]) | {"tabbed-labels", "md-annotation"}
    out = slim_css.slim(css, used)
    for kept in (".md-typeset kbd", "[dir=rtl] .md-nav", ".md-typeset .tabbed-labels", ".md-annotation"):
        assert kept in out, kept


def test_words_of_libraries_and_search_workers_are_not_taken_for_classes():
    assert slim_css.usage("assets/worksheets/vendor/pdf-lib.min.js", "var info = warning;")[0] == frozenset()
    assert slim_css.usage("assets/javascripts/lunr/min/lunr.nl.min.js", "bug")[0] == frozenset()
    assert "warning" in slim_css.usage("assets/site/site.js", "el.classList.add('warning')")[0]


def test_every_class_used_on_a_page_keeps_its_rules(built_site):
    sheet = next((built_site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    stylesheets = pathlib.Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    original = next(stylesheets.glob("main.*.min.css")).read_text(encoding="utf-8")
    assert len(sheet) < 0.8 * len(original)
    page = (built_site / "gesprekken" / "kerngesprek" / "index.html").read_text(encoding="utf-8")
    classes = {c for attr in re.findall(r'class="([^"]*)"', page) for c in attr.split()}
    styled = {c for c in classes if re.search(rf"\.{re.escape(c)}(?![\w-])", original)}
    dropped = sorted(c for c in styled if not re.search(rf"\.{re.escape(c)}(?![\w-])", sheet))
    assert not dropped, f"rules dropped for classes the guide page uses: {dropped}"


def test_comments_leave_our_assets_but_not_the_code(tmp_path):
    assets = tmp_path / "assets"
    (assets / "worksheets").mkdir(parents=True)
    (assets / "site").mkdir()
    (assets / "worksheets" / "wrap.js").write_text(
        "/* About the switch.\n * Two lines. */\n"
        "(function () {\n  var re = /^https?:/;\n  // kept: a line comment\n})();\n",
        encoding="utf-8",
    )
    (assets / "site" / "site.css").write_text("/* colours */\n:root { --x: 1; } /* inline */\n", encoding="utf-8")
    saved = slim_css.strip_comments(tmp_path)
    js = (assets / "worksheets" / "wrap.js").read_text(encoding="utf-8")
    assert saved > 0 and "About the switch" not in js and "var re = /^https?:/;" in js
    assert (assets / "site" / "site.css").read_text(encoding="utf-8").strip() == ":root { --x: 1; }"


def test_the_worksheet_scripts_and_styles_leave_the_build_without_their_comment_blocks(built_site):
    for name in ("worksheets/answers.js", "worksheets/fill.js", "worksheets.css"):
        built = (built_site / "assets" / name).read_text(encoding="utf-8")
        assert not re.search(r"^\s*/\*", built, re.M), f"{name} keeps a comment block"
    assert "fillPdf" in (built_site / "assets" / "worksheets" / "fill.js").read_text(encoding="utf-8")
