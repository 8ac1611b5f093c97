"""hooks/speedups_hook.py: one template environment per theme and locale, and a site byte for byte
the same as a build without the hook."""

from __future__ import annotations

import filecmp
import importlib.util
import re

from mkdocs.config import load_config

from tests.helpers import REPO, build, history_env, scratch_copy


def _hook():
    spec = importlib.util.spec_from_file_location("speedups_hook_test", REPO / "hooks" / "speedups_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_theme_gives_one_environment_and_lists_its_files_once(monkeypatch):
    config = load_config(str(REPO / "mkdocs.yml"))
    hook = _hook()
    hook.on_config(config)
    env = config.theme.get_env()
    assert config.theme.get_env() is env  # the second language build gets the compiled templates
    assert env.bytecode_cache is not None
    walks = []
    loader_list = env.loader.list_templates
    monkeypatch.setattr(env.loader, "list_templates", lambda: walks.append(1) or loader_list())

    def css_only():  # like MkDocs' add_files_from_theme: a new filter function per call, the same code
        return lambda name: name.endswith(".css")

    first = env.list_templates(filter_func=css_only())
    assert first and env.list_templates(filter_func=css_only()) == first and len(walks) == 1


def _tree(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_the_site_is_the_same_without_the_hook(built_site, site_url, tmp_path):
    project = scratch_copy(tmp_path / "p")
    config = project / "mkdocs.yml"
    text, count = re.subn(r"^  - hooks/speedups_hook\.py.*\n", "", config.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1
    config.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site", site_url, env=history_env())  # the same dates as built_site
    assert result.returncode == 0, result.stderr[-3000:]
    files = _tree(built_site)
    assert _tree(tmp_path / "site") == files
    _, mismatch, errors = filecmp.cmpfiles(built_site, tmp_path / "site", files, shallow=False)
    assert not mismatch and not errors
