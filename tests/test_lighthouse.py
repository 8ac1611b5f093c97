"""Lighthouse (npm, mobile profile) on a home page, a method page, a guide, a worksheet page and a
case story, in both languages, served with gzip like a real host: Performance >= 95 and
Accessibility, Best Practices and SEO 100. The scores are written to reports/lighthouse.md."""

from __future__ import annotations

import json
import os
import subprocess

from tests.helpers import REPO
from tests.quality_helpers import gzip_server

__all__ = ["gzip_server"]  # a fixture, used by name below

PAGES = ["", "methode/op-tafel/", "gesprekken/kerngesprek/", "werkbladen/belangenkaart/", "praktijk/jeugdhulp/"]
BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def test_lighthouse_scores_meet_the_bar_on_key_pages_in_both_languages(gzip_server):
    urls = [gzip_server + prefix + page for prefix in ("", "en/") for page in PAGES]
    run = subprocess.run(
        ["node", str(REPO / "tests" / "js" / "lighthouse.mjs"), *urls],
        cwd=REPO,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.strip().splitlines()[-1])
    assert [r["url"] for r in results] == urls

    lines = ["| page | performance | accessibility | best practices | SEO | LCP |", "|---|---|---|---|---|---|"]
    below = []
    for r in results:
        path = r["url"].removeprefix(gzip_server) or "/"
        s = r["scores"]
        lines.append(
            f"| /{path.lstrip('/')} | {s['performance']} | {s['accessibility']} | {s['best-practices']} "
            f"| {s['seo']} | {r['lcp']} |"
        )
        for category, bar in BARS.items():
            if s[category] < bar:
                below.append(f"/{path.lstrip('/')}: {category} {s[category]} < {bar}; audits below 0.9: {r['failing']}")
    report = REPO / "reports"
    report.mkdir(exist_ok=True)
    (report / "lighthouse.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (report / "lighthouse.md").write_text("# Lighthouse (mobile, gzip)\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))
    assert not below, "\n".join(below)
