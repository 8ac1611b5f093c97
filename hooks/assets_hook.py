"""MkDocs adapter for hooks/pages/slim_css.py: once every language is built, drop the rules of
Material's stylesheet that cannot match on this site, and the comments of our own assets
(a lighter first load on a phone); and pages without their template indentation."""

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.plugins import event_priority, get_plugin_logger

from hooks.build.common import i18n_busy
from hooks.build.store import Store
from hooks.pages import slim_css, slim_html

log = get_plugin_logger("assets")


_kept: dict[str, Store] = {}


@event_priority(-50)  # after the hooks that change the page's HTML
def on_post_page(output, page, config):
    """The page without its template's indentation (hooks/pages/slim_html.py), kept by content."""
    folder = pathlib.Path(config.config_file_path).resolve().parent / ".cache" / "plugin" / "slim-html"
    kept = _kept.setdefault(str(folder), Store(folder))
    result = slim_html.collapse_kept(output, kept)
    for key in kept.damaged:
        log.info("slim-html cache: %s was damaged (its hash did not match); made it again", key)
    kept.damaged.clear()
    return result


@event_priority(10)  # before hooks/i18n_hook.py keeps the 404 page of each language
def on_post_template(output_content, template_name, config):
    """The same for pages made from a template alone (404.html)."""
    return slim_html.collapse(output_content) if template_name.endswith(".html") else output_content


@event_priority(-115)  # after the i18n plugin (-100) and i18n_hook (-110), before the link check (-120)
def on_post_build(config):
    if i18n_busy(config):
        return
    start = time.perf_counter()
    site = pathlib.Path(config.site_dir)
    saved = slim_css.strip_comments(site)
    cache = pathlib.Path(config.config_file_path).resolve().parent / ".cache" / "plugin" / "slim-css"
    for name, before, after in slim_css.slim_site(site, cache):
        log.info(
            "slimmed %s: %d -> %d bytes; comments out of our css/js: %d bytes; %.2f s",
            name,
            before,
            after,
            saved,
            time.perf_counter() - start,
        )
