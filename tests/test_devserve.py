"""`make serve` (hooks/build/devserve.py): after an edit to a guide's body, a guide's front matter, a
glossary term and a worksheet, the fast path serves byte for byte what a clean full build of the
same sources writes, in both languages; the dependency map (hooks/build/dependencies.py) on its own."""

from __future__ import annotations

import re
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from hooks.build import dependencies
from tests.helpers import build, build_env, free_port, running, scratch_copy

# The served HTML differs from the built file in one way only: MkDocs' livereload script, which
# the dev server puts before </body> of every page it serves.
LIVERELOAD = re.compile(rb"<script>\s*var livereload = function\(epoch, requestId\).*?</script>(?=</body>)", re.S)
EPOCH = "1767225600"  # SOURCE_DATE_EPOCH for both builds: the sitemap's dates do not depend on the clock


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()
    except (OSError, urllib.error.URLError):
        return None


class _Log:
    """The server's output, collected while it runs."""

    def __init__(self, proc):
        self.lines: list[str] = []
        self.proc = proc
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)

    def text(self) -> str:
        return "".join(self.lines)


def _wait_for(url: str, text: str, log: _Log, seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and text.encode() in body:
            return
        assert log.proc.poll() is None, log.text()[-3000:]
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}:\n{log.text()[-3000:]}")


def _edit(project, rel: str, old: str | None, new: str) -> None:
    """Replace `old` by `new` in a file of the project; append `new` when `old` is None."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old is None or old in text, (rel, old)
    path.write_text(text + new if old is None else text.replace(old, new, 1), encoding="utf-8")


def _same_as_clean_build(project, base: str, site_url: str, clean) -> list[str]:
    """Every file of a clean build of the project, fetched from the server, compared byte for byte
    (HTML without the livereload script). Returns the files that differ."""
    # As `make serve` shows the site: without the host files and the service worker (HOSTING=off).
    result = build(project, clean, site_url, env={"SOURCE_DATE_EPOCH": EPOCH, "HOSTING": "off"})
    assert result.returncode == 0, result.stderr[-3000:]
    differ = []
    files = sorted(p for p in clean.rglob("*") if p.is_file())
    assert len([p for p in files if p.name == "index.html"]) > 90  # both languages
    for path in files:
        rel = path.relative_to(clean).as_posix()
        served = _get(base + rel)
        if served is None:
            differ.append(f"{rel}: not served")
            continue
        if path.suffix == ".html":
            served = LIVERELOAD.sub(b"", served)
        if served != path.read_bytes():
            differ.append(rel)
    return differ


EDITS = [
    # (what, file, old text, new text, the page to wait for, the text it shows then)
    (
        "a guide's body (Dutch)",
        "docs/nl/gesprekken/kerngesprek.md",
        "Eerst begrijpen, dan pas oplossen",
        "Eerst begrijpen, daarna pas oplossen",
        "gesprekken/kerngesprek/",
        "Eerst begrijpen, daarna pas oplossen",
    ),
    (
        "a guide's body (English)",
        "docs/en/gesprekken/kerngesprek.md",
        "Understand first, solve later",
        "Understand first, solve afterwards",
        "en/gesprekken/kerngesprek/",
        "Understand first, solve afterwards",
    ),
    (
        "a guide's front matter: its description is in the guides index",
        "docs/nl/gesprekken/kerngesprek.md",
        "description: Het centrale gesprek van de methode.",
        "description: Het centrale gesprek van deze methode.",
        "gesprekken/",
        "Het centrale gesprek van deze methode.",
    ),
    (
        "a guide step's goal: the planner's data (plannen/gidsen.json) shows it",
        "docs/en/gesprekken/kerngesprek.md",
        "**Goal:** A breather. Everyone knows what comes after the break.",
        "**Goal:** A real breather. Everyone knows what comes after the break.",
        "en/plannen/gidsen.json",
        "A real breather.",
    ),
    (
        "a fact: every page that shows it",
        "data/facts.yml",
        "Nobody presses.",
        "Nobody presses you.",
        "en/methode/veilig-maken/",
        "Nobody presses you.",
    ),
    (
        "a glossary term: its tooltip is on every page that uses it",
        "data/begrippen.yml",
        "De mensen of de organisatie namens wie",
        "Namens wie",
        "begrippen/",  # the glossary page: the test checks the tooltips on the other pages
        "Namens wie iemand aan tafel zit",
    ),
    (
        "a worksheet: its form, its downloads and the worksheets index",
        "worksheets/belangenkaart.yml",
        "Mandaat: wat mag je zelf toezeggen?",
        "Mandaat: wat mag jij beloven?",
        "werkbladen/belangenkaart/",
        "Mandaat: wat mag jij beloven?",
    ),
    (
        "a page's body with a class no page had (the slimmed stylesheet keeps its rules again)",
        "docs/nl/methode/rollen.md",
        None,
        '\n!!! danger "Pas op"\n    Een blok in een stijl die de site nog niet had.\n',
        "methode/rollen/",
        "Een blok in een stijl die de site nog niet had.",
    ),
]


def test_every_served_page_equals_a_clean_build_after_each_kind_of_edit(tmp_path):
    project = scratch_copy(tmp_path / "p")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**build_env(), "MKDOCS_STRICT": "false", "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "hooks.build.devserve", "--dev-addr", f"127.0.0.1:{port}"]
    with running(command, project, env) as proc:
        log = _Log(proc)
        _wait_for(base + "gesprekken/kerngesprek/", "Eerst begrijpen, dan pas oplossen", log)
        for number, (what, rel, old, new, page, shows) in enumerate(EDITS):
            fast_before = log.text().count("fast rebuild:")
            _edit(project, rel, old, new)
            _wait_for(base + page, shows, log)
            # The server answers only once the rebuild is complete, so the page showing the new
            # text means this edit was built; it must have been the fast path, not a full rebuild.
            # (Its log line may still be on its way through the pipe.)
            deadline = time.monotonic() + 60
            while log.text().count("fast rebuild:") == fast_before and time.monotonic() < deadline:
                time.sleep(0.1)
            assert log.text().count("fast rebuild:") > fast_before, (what, log.text()[-3000:])
            assert "full rebuild:" not in log.text(), (what, log.text()[-3000:])
            differ = _same_as_clean_build(project, base, base, tmp_path / f"clean-{number}")
            assert not differ, f"after {what}, served files differ from a clean build: {differ[:20]}"


class _Pages:
    """A hooks/dependencies.View over a scratch project's sources."""

    def __init__(self, project):
        self.project = project
        self.languages = ("nl", "en")
        self.text = {
            (lang, p.relative_to(project / "docs" / lang).as_posix()): p.read_text(encoding="utf-8")
            for lang in self.languages
            for p in (project / "docs" / lang).rglob("*.md")
        }

    def pages(self, lang):
        return [rel for lg, rel in self.text if lg == lang]

    def source(self, lang, rel):
        return self.text.get((lang, rel))

    def meta(self, lang, rel):
        from mkdocs.utils.meta import get_data

        return get_data(self.text[(lang, rel)])[1]


@pytest.fixture
def sources(tmp_path):
    project = scratch_copy(tmp_path / "p")
    return project, _Pages(project)


def test_the_dependency_map(sources):
    project, view = sources

    def impact(rel, old, new):
        _edit(project, rel, old, new)
        return dependencies.impact([rel], view, project)

    body = impact("docs/nl/methode/rollen.md", "\n\n", "\n\nEen nieuwe zin.\n\n")
    assert body.pages == {("nl", "methode/rollen.md")} and not body.full
    title = impact("docs/en/methode/rollen.md", "title: ", "title: New ")
    assert "title" in title.full
    front = impact("docs/nl/gesprekken/intake.md", "description: ", "description: Nieuw, ")
    assert ("nl", "gesprekken/intake.md") in front.pages and ("nl", "gesprekken/index.md") in front.pages
    assert not any(lang == "en" for lang, _ in front.pages)
    glossary = dependencies.impact(["data/begrippen.yml"], view, project)
    assert len(glossary.pages) == len(view.text)
    sheet = dependencies.impact(["worksheets/belangenkaart.yml"], view, project)
    assert {("nl", "werkbladen/belangenkaart.md"), ("en", "werkbladen/belangenkaart.md")} <= sheet.pages
    assert ("en", "werkbladen/index.md") in sheet.pages and len(sheet.pages) < 10
    facts = dependencies.impact(["data/facts.yml"], view, project)
    assert ("nl", "methode/samenvatting.md") in facts.pages and ("nl", "over.md") not in facts.pages
    assert dependencies.impact(["data/taxonomy.yml"], view, project).full
    assert dependencies.impact(["docs/nl/nieuw.md"], view, project).full  # a new page: the navigation
    assert "citation" in impact("docs/nl/bronnen.md", "\n\n", "\n\nNog een zin.\n\n").full
    assert not dependencies.impact(["docs/nl/.kerngesprek.md.swp"], view, project).full
    assert dependencies.impact(["data/wordlist-nl.txt"], view, project).pages == set()
    for markers in dependencies.LISTED_IN.values():
        from hooks.content.guides.render import MARKERS

        assert set(markers) <= set(MARKERS)


def test_a_file_a_hook_makes_again_in_on_files_is_copied_to_the_site(tmp_path):
    """The fast path replays the hooks' on_files; a file one of them makes anew (in memory or on
    disk) reaches the site, an unchanged one is not copied again."""
    from mkdocs.structure.files import File, Files

    from hooks.build.devserve import Memory, _Language

    site, docs = tmp_path / "site", tmp_path / "docs"
    docs.mkdir()
    config = {"hooks": {"hooks/planner_hook.py": None}, "site_dir": str(site), "docs_dir": str(docs)}
    config["use_directory_urls"] = True
    config = type("Config", (dict,), {"__getattr__": lambda self, name: self[name]})(config)
    config["plugins"] = type("Plugins", (), {"events": {"files": []}, "_current_plugin": None})()
    make = lambda text: File.generated(config, "plannen/gidsen.json", content=text)  # noqa: E731
    files = Files([make("[1]")])
    kept = File.generated(config, "assets/kept.css", content="a{}")
    files.append(kept)

    def on_files(files, config):
        files.remove(files.get_file_from_path("plannen/gidsen.json"))
        files.append(make(planner["data"]))
        return files

    on_files.__module__ = "hooks/planner_hook.py"
    config.plugins.events["files"].append(on_files)
    memory = Memory(tmp_path)
    memory.config = config
    language = _Language("nl", files, nav=None)
    planner = {"data": "[1]"}
    assert memory._replay_on_files(language)
    assert not (site / "plannen" / "gidsen.json").exists() and not (site / "assets" / "kept.css").exists()
    planner["data"] = "[1, 2]"
    assert memory._replay_on_files(language)
    assert (site / "plannen" / "gidsen.json").read_text(encoding="utf-8") == "[1, 2]"
    assert not (site / "assets" / "kept.css").exists()
