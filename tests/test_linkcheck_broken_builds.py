"""Deliberately broken scratch copies of the project fail `mkdocs build --strict` with a message
that names the source file and the link."""

from __future__ import annotations

from tests.linkcheck_helpers import append, broken_build, edit, error_lines


def test_missing_page_and_wrong_anchor_in_markdown_fail_the_build_naming_source_and_link(tmp_path):
    # MkDocs' own validation catches these (strict mode aborts inside the English build, before the
    # link guard runs); the message names the Markdown file (below docs/) and the link.
    def breaker(project):
        append(project / "docs/nl/methode/waarom.md", "\n\nZie [de oude pagina](../gesprekken/bestaat-niet.md).\n")
        append(project / "docs/en/methode/waarom.md", "\n\nSee [the script](../gesprekken/kerngesprek.md#verlop).\n")

    code, output = broken_build(tmp_path, breaker)
    assert code != 0, output
    errors = error_lines(output)
    assert any("nl/methode/waarom.md" in line and "bestaat-niet.md" in line for line in errors), output
    assert any("en/methode/waarom.md" in line and "#verlop" in line for line in errors), output


def test_broken_link_in_override_template_fails_the_build_naming_template_line_and_link(tmp_path):
    def breaker(project):
        append(
            project / "overrides/main.html",
            '\n{% block announce %}<a href="{{ base_url }}/colofon/">Colofon</a>{% endblock %}\n',
        )

    code, output = broken_build(tmp_path, breaker)
    assert code != 0, output
    # Reported once, at its line in the template, with the number of pages it breaks.
    template = [line for line in error_lines(output) if "overrides/main.html:" in line]
    assert len(template) == 1, output
    assert "colofon/" in template[0] and "/colofon/, which is not in the built site" in template[0]
    assert "pages, e.g." in template[0]


def test_missing_twin_fails_the_build(tmp_path):
    code, output = broken_build(tmp_path, lambda project: (project / "docs/en/over.md").unlink())
    assert code != 0
    assert "docs/nl/over.md" in output and "docs/en/over.md" in output, output


def test_page_deleted_without_redirect_fails_the_build_on_the_url_contract(tmp_path):
    def breaker(project):
        for lang in ("nl", "en"):
            (project / f"docs/{lang}/praktijk/buurthuis.md").unlink()
        edit(project / "mkdocs.yml", "      - praktijk/buurthuis.md\n", "")

    code, output = broken_build(tmp_path, breaker)
    assert code != 0
    contract = [line for line in error_lines(output) if line.count("data/published-urls.txt")]
    assert any("'/praktijk/buurthuis/'" in line and "no longer resolves" in line for line in contract), output
    assert any("'/en/praktijk/buurthuis/#lessen'" in line for line in contract), output
    assert any("data/redirects.yml" in line for line in contract)
