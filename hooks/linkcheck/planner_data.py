"""The planner's data (plannen/gidsen.json and plannen/details.json per language, written by
hooks/content/planner.py) points at real places: every guide's page, and on it the id of every timed step
and of every situation under 'when it goes differently', and every invitation template's anchor on
the templates page, in the same language. The planner links to them and prints them."""

from __future__ import annotations

import json
import pathlib

from hooks.linkcheck.problems import Problem
from hooks.linkcheck.scan import Page
from hooks.linkcheck.urls import Sources

DATA = "plannen/gidsen.json"
DETAILS = "plannen/details.json"


def _read(site: pathlib.Path, rel: str, problems: list[Problem]) -> dict | None:
    try:
        return json.loads((site / rel).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(Problem(rel, rel, f"cannot be read ({exc})", "Rebuild the site.", kind="planner"))
        return None


def check_planner_data(site: pathlib.Path, files: set[str], pages: dict[str, Page], sources: Sources) -> list[Problem]:
    problems: list[Problem] = []
    for rel in sorted(f for f in files if f == DATA or f.endswith("/" + DATA)):
        prefix = rel[: -len(DATA)]  # '' for the default language, 'en/' for English
        data = _read(site, rel, problems)
        details = _read(site, prefix + DETAILS, problems) if prefix + DETAILS in files else {}
        if data is None or details is None:
            continue
        try:
            guides = data["guides"]
            situations = {slug: [a["id"] for a in d["anders"]] for slug, d in details.get("guides", {}).items()}
            invitations = data.get("invitations", [])
        except (KeyError, TypeError) as exc:
            problems.append(Problem(rel, rel, f"cannot be read ({exc!r})", "Rebuild the site.", kind="planner"))
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
            ids = [(step["id"], rel) for step in guide["steps"]]
            ids += [(ident, prefix + DETAILS) for ident in situations.get(guide["slug"], [])]
            for ident, where in ids:
                if ident not in page.ids:
                    problems.append(
                        Problem(
                            sources.of(built),
                            f"{link}#{ident}",
                            "has no anchor on the page",
                            "Give the ### heading that id: '{#" + ident + "}' (AUTHORING.md).",
                            where=where,
                            kind="planner",
                        )
                    )
        for invitation in invitations:
            path, _, anchor = invitation["url"].partition("#")
            built = f"{prefix}{path}index.html"
            page = pages.get(built)
            if page is None or page.redirect is not None or not anchor or anchor not in page.ids:
                problems.append(
                    Problem(
                        f"templates/{invitation['id']}.yml",
                        f"/{prefix}{invitation['url']}",
                        "(the planner's invitation) has no anchor on the templates page",
                        "Rebuild the site; the templates page gives every template the anchor of its id.",
                        where=rel,
                        kind="planner",
                    )
                )
    return problems
