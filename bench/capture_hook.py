"""Bench helper (not in mkdocs.yml): appended to a scratch project's hooks, it writes each page's
Markdown as our hooks leave it to $BENCH_CAPTURE/<src_uri>, for the like-for-like baseline."""

import os
import pathlib

from mkdocs.plugins import event_priority


@event_priority(-1000)  # after every other page_markdown handler
def on_page_markdown(markdown, page, config, files):
    target = pathlib.Path(os.environ["BENCH_CAPTURE"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
