"""Work that MkDocs and the i18n plugin repeat per language build, or do the slow way: once, or fast.

1. Theme templates compiled once per process, not once per language build. MkDocs asks the theme
   for a new Jinja environment in every build (`Theme.get_env()`), and the i18n plugin runs one
   build per language: each compiled Material's templates again (~45) and walked the theme's
   folders again (29,000 names, mostly icons) to list its static files. Here each Theme object
   keeps one environment per locale: the second language reuses the compiled templates and the
   listing. Compiled templates also go to Jinja's bytecode cache in .cache/plugin/jinja/ (keyed by
   the template's source and the Jinja and Python versions), so the next process loads them instead
   of compiling. `mkdocs serve` loads a new config (a new Theme) for every full rebuild, so an
   edited template in overrides/ is read again. Upstream (MkDocs): `Theme.get_env()` could keep its
   environment, as it keeps `dirs`.
2. The i18n plugin's search de-duplication in linear instead of quadratic time, with the same
   result (hooks/pages/search_dedup.py, which also describes the upstream fix).

The site is byte for byte the same (tests/test_speedups.py builds it with and without this hook).
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import jinja2
from mkdocs.plugins import event_priority

from hooks.pages.search_dedup import dedupe

CACHE = pathlib.Path(__file__).resolve().parents[1] / ".cache" / "plugin" / "jinja"


def shared_env(theme):
    """Replace `theme.get_env` by one that returns the same environment per locale and theme dirs."""
    if getattr(theme, "_shared_envs", None) is not None:
        return
    build_env = theme.get_env  # the bound method of the class: a new environment per call
    envs: dict[tuple, jinja2.Environment] = {}

    def get_env() -> jinja2.Environment:
        key = (tuple(theme.dirs), str(theme.locale))
        if key not in envs:
            env = build_env()
            CACHE.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(CACHE))
            _memo_listing(env, theme)
            envs[key] = env
        return envs[key]

    theme._shared_envs = envs
    theme.get_env = get_env


def _memo_listing(env: jinja2.Environment, theme) -> None:
    """`env.list_templates(...)` once per filter: the theme folders do not change within a build
    process, and MkDocs' filter depends only on the theme's static templates."""
    listed: dict[tuple, list[str]] = {}
    plain = env.list_templates

    def list_templates(extensions=None, filter_func=None):
        key = (tuple(extensions or ()), getattr(filter_func, "__code__", filter_func), tuple(theme.static_templates))
        if key not in listed:
            listed[key] = plain(extensions=extensions, filter_func=filter_func)
        return list(listed[key])

    env.list_templates = list_templates


@event_priority(100)  # before the i18n plugin reconfigures the theme for the language
def on_config(config):
    shared_env(config.theme)
    i18n = config.plugins.get("i18n")
    if i18n is not None and "reconfigure_search_duplicates" not in vars(i18n):
        original = i18n.reconfigure_search_duplicates

        def reconfigure_search_duplicates(entries):
            if not dedupe(entries, i18n.build_languages):
                original(entries)

        i18n.reconfigure_search_duplicates = reconfigure_search_duplicates
    return config
