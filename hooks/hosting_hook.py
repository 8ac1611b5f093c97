"""MkDocs adapter for hooks/hosting/: once every language is built (and its stylesheet slimmed),
write what a web server needs: the service worker and offline list, the nginx server block,
_headers, _redirects (security headers with the script hashes of the built pages) and the
precompressed files. Not under `mkdocs serve` (nor offline.js): a service worker there would serve
stored pages and hide a writer's edits. `HOSTING=off mkdocs build` builds the site as `make serve`
shows it (tests compare the two)."""

import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from hooks.build.common import i18n_busy
from hooks.hosting.write import HostingError, write_host_files

log = get_plugin_logger("hosting")
_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def _off() -> bool:
    """No host files and no service worker: under `mkdocs serve`, or a build with HOSTING=off."""
    return _command["name"] == "serve" or os.environ.get("HOSTING") == "off"


def on_config(config):
    # Under `mkdocs serve` there is no service worker, so pages need not try to register one.
    if _off():
        config.extra_javascript = [s for s in config.extra_javascript if str(s) != "assets/offline/offline.js"]
    return config


@event_priority(-118)  # after the slimmed stylesheet (-115), before the link check (-120)
def on_post_build(config):
    if i18n_busy(config) or _off():
        return
    start = time.perf_counter()
    cache = pathlib.Path(config.config_file_path).resolve().parent / ".cache" / "plugin" / "hosting"
    try:
        s = write_host_files(pathlib.Path(config.site_dir), config.site_url or "", cache)
    except HostingError as exc:
        for line in str(exc).splitlines():
            log.error(line)
        raise PluginError("hosting: the host files cannot be written (the reasons are listed above).") from None
    for entry in s.damaged:
        log.info("hosting cache: %s was damaged (its hash did not match); made it again", entry)
    c = s.compression
    log.info(
        "version %s; CSP %d script and %d style hashes (%d pages scanned, the others unchanged); %d redirects; "
        "%d immutable files; offline %s; %d text files precompressed (%d computed, %d from cache), "
        "%.1f MB -> %.1f MB br; %.2f s",
        s.version,
        s.scripts,
        s.styles,
        s.pages_scanned,
        s.redirects,
        s.immutable,
        ", ".join(f"{lang} {size / 1e6:.1f} MB" for lang, size in s.offline_bytes.items()),
        c.files,
        c.compressed,
        c.files * 2 - c.compressed,
        c.raw_bytes / 1e6,
        c.br_bytes / 1e6,
        time.perf_counter() - start,
    )
