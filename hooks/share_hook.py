"""MkDocs adapter for hooks/pages/share.py and hooks/pages/cards.py: each page's sharing tags and language
links (the `share` value that overrides/main.html writes into the head), and after every language
is built, the card image of every page (from .cache/plugin/cards/ when unchanged) and the patch of
Material's bundle."""

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import markupsafe
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from hooks.build.common import SourceError, build_language, i18n_busy
from hooks.pages import cards, share

log = get_plugin_logger("share")
_cards: dict[str, dict] = {}  # card path below the site root -> its text, for every language built


def on_pre_build(config):
    if not i18n_busy(config):
        _cards.clear()


def on_page_context(context, page, config, nav):
    lang = build_language(config)
    section = page.ancestors[-1].title if page.ancestors else ""
    description = (page.meta or {}).get("description") or config.site_description or ""
    # The page's own title, as in its <title> (front matter first; a nav entry may name it shorter).
    # content_hook has turned the front matter title into escaped Markup: its text again.
    title = (page.meta or {}).get("title") or page.title or config.site_name
    title = title.unescape() if isinstance(title, markupsafe.Markup) else str(title)
    data = share.page_share(
        lang=lang,
        url=page.url,
        title=title,
        section=section,
        description=description,
        site_url=config.site_url or "",
        site_name=config.site_name,
    )
    data["card"]["description"] = "" if section else description
    data["card"]["source"] = page.file.src_uri
    _cards[data["card"]["path"]] = data["card"]
    context["share"] = data
    return context


@event_priority(-112)  # after every language (-100, -110), before the stylesheet (-115), hosting and link check
def on_post_build(config):
    if i18n_busy(config):
        return
    start = time.perf_counter()
    site = pathlib.Path(config.site_dir)
    cache = pathlib.Path(config.config_file_path).resolve().parent / ".cache" / "plugin" / "cards"
    problems = []
    for path, card in sorted(_cards.items()):
        try:
            data = cards.card(card["title"], card["section"], card["lang"], card["description"], cache=cache)
        except SourceError as exc:
            problems.append(f"docs/{card['lang']}/{card['source']}: title '{card['title']}': {exc}")
            continue
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for key in cards.DAMAGED:
        log.info("cards cache: %s was damaged (its hash did not match); read the fonts again", key)
    cards.DAMAGED.clear()
    if problems:
        for line in problems:
            log.error(line)
        raise PluginError(f"{len(problems)} card image(s) could not be made (listed above).")
    try:
        share.patch_material_bundle(site)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    log.info("%d card images in %.2f s", len(_cards), time.perf_counter() - start)
