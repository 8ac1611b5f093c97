"""The planner's data (plannen/gidsen.json per language, written by hooks/planner.py) points at
real places: every guide's page, and on it the id of every timed step and of every situation under
'when it goes differently', in the same language. The planner links to them and prints them."""

from __future__ import annotations

import json
import pathlib

from hooks.linkcheck.problems import Problem
from hooks.linkcheck.scan import Page
from hooks.linkcheck.urls import Sources

DATA = "plannen/gidsen.json"


def check_planner_data(site: pathlib.Path, files: set[str], pages: dict[str, Page], sources: Sources) -> list[Problem]:
    problems = []
    for rel in sorted(f for f in files if f == DATA or f.endswith("/" + DATA)):
        prefix = rel[: -len(DATA)]  # '' for the default language, 'en/' for English
        try:
            guides = json.loads((site / rel).read_text(encoding="utf-8"))["guides"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            problems.append(Problem(rel, rel, f"cannot be read ({exc})", "Rebuild the site.", kind="planner"))
            continue
        for guide in guides:
            built = f"{prefix}{guide['path']}index.html"
            page = pages.get(built)
            link = f"/{prefix}{guide['path']}"
            if page is None or page.redirect is not None:
                problems.append(
                    Problem(
                        sources.of(built),
                        link,
                        f"(guide '{guide['slug']}') is not a page of the built site",
                        "Check the guide's file name and nav: entry.",
                        where=rel,
                        kind="planner",
                    )
                )
                continue
            ids = [step["id"] for step in guide["steps"]] + [part["id"] for part in guide["anders"]]
            for ident in ids:
                if ident not in page.ids:
                    problems.append(
                        Problem(
                            sources.of(built),
                            f"{link}#{ident}",
                            "has no anchor on the page",
                            "Give the ### heading that id: '{#" + ident + "}' (AUTHORING.md).",
                            where=rel,
                            kind="planner",
                        )
                    )
    return problems
