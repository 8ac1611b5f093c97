import sys, pathlib; sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # noqa: E401, E702, I001  # fmt: skip
# MkDocs adapter for hooks/linkcheck/: after the last language is written, check the whole site
# once (lychee offline + parity + URL contract + worksheet URLs). Logic and CLI: hooks/linkcheck/.

import hashlib
import json
import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from hooks.build.common import i18n_busy

log = get_plugin_logger("linkcheck")
UPDATE = "python -m hooks.linkcheck contract update"


@event_priority(-120)  # after the i18n plugin (-100) built every language and its -110 step (404s, sitemaps)
def on_post_build(config):
    if i18n_busy(config) or os.environ.get("LINKCHECK") == "off":
        return
    root = pathlib.Path(config.config_file_path).resolve().parent
    marker = root / ".cache" / "linkcheck" / "passed.json"
    digest = _digest(pathlib.Path(config.site_dir), root, config.site_url or "")
    if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")).get("digest") == digest:
        log.info("the built site is byte for byte the one that passed the last check: nothing to check again")
        return
    from hooks.linkcheck.check import check_site  # here: a site that passed before needs none of it
    from hooks.linkcheck.lychee import LycheeError

    try:
        report = check_site(
            pathlib.Path(config.site_dir), site_url=config.site_url or "", repo=root, docs_dir=config.docs_dir
        )
    except LycheeError as exc:
        raise PluginError(f"linkcheck: {exc}") from None
    for problem in report.problems:
        log.error(str(problem))
    if report.unlisted:
        log.info(
            "the URL contract is out of date: %d URL(s) not in %s (e.g. %s). Run `%s` and commit it.",
            len(report.unlisted),
            report.contract_file,
            sorted(report.unlisted)[0],
            UPDATE,
        )
    log.info(report.summary().removeprefix("linkcheck: "))
    if not report.problems:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps({"digest": digest}), encoding="utf-8")
    if report.problems and config.strict:
        raise PluginError(f"linkcheck: {len(report.problems)} broken link(s) or published URL(s), listed above.")


def _digest(site: pathlib.Path, root: pathlib.Path, site_url: str) -> str:
    """A hash of everything the check reads: every built file, the URL contract, the sources it
    names in its messages (docs, worksheets), the checker itself and the site URL."""
    digest = hashlib.sha256(site_url.encode())
    inputs = [site, root / "docs", root / "worksheets", root / "data", pathlib.Path(__file__).parent / "linkcheck"]
    for folder in inputs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
