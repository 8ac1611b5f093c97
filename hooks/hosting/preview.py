"""Serve a built site with real nginx (Debian's), on a loopback address, with exactly the server
block the build wrote (`_nginx.conf`, plus `_nginx-brotli.conf` where the brotli module is
installed). nginx runs in the foreground as the current user; its pid file, temporary folders and
logs live in a temporary folder that is removed when it stops. `make preview` and the tests use it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pathlib
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time

NGINX = shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin") or "/usr/sbin/nginx"
BROTLI_MODULE = pathlib.Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = pathlib.Path("/etc/nginx/mime.types")


class PreviewError(Exception):
    """nginx is missing, the site is not built, or nginx did not start; the message says what to do."""


def has_brotli() -> bool:
    return BROTLI_MODULE.is_file()


def nginx_conf(site: pathlib.Path, site_path: str, host: str, port: int, work: pathlib.Path) -> str:
    """The whole nginx.conf of a preview: the server block includes the build's `_nginx.conf`."""
    root = site
    if site_path != "/":
        # A site below a path (SITE_URL=https://example.org/belangen/): serve a folder in which
        # that path leads to the site.
        root = work / "root"
        link = root / site_path.strip("/")
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(site.absolute(), target_is_directory=True)
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    brotli_module = f"load_module {BROTLI_MODULE};\n" if has_brotli() else ""
    brotli_include = f"        include {site.absolute() / '_nginx-brotli.conf'};\n" if has_brotli() else ""
    temp = "".join(
        f"    {name}_temp_path {work / name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        "# Written by hooks/hosting/preview.py for one preview; removed when it stops.\n"
        f"{brotli_module}{user}"
        "worker_processes 1;\n"
        "daemon off;\n"
        f"pid {work / 'nginx.pid'};\n"
        f"error_log {work / 'error.log'} warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        f"    include {MIME_TYPES};\n"
        "    default_type application/octet-stream;\n"
        f"    access_log {work / 'access.log'};\n"
        f"{temp}"
        "    sendfile on;\n"
        "    server {\n"
        f"        listen {host}:{port};\n"
        "        server_name localhost;\n"
        f"        root {root.absolute()};\n"
        f"        include {site.absolute() / '_nginx.conf'};\n"
        f"{brotli_include}"
        "    }\n"
        "}\n"
    )


def _wait_until_listening(host: str, port: int, proc: subprocess.Popen, log: pathlib.Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise PreviewError(f"nginx stopped at once (exit {proc.returncode}):\n{_tail(log)}")
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        time.sleep(0.05)
    raise PreviewError(f"nginx did not listen on {host}:{port} within {timeout:.0f} s:\n{_tail(log)}")


def _tail(log: pathlib.Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.is_file() else "(no error log)"


@dataclasses.dataclass
class Server:
    """A running preview: its URL, and `reload()` to read the configuration again (a new deployment)."""

    url: str
    process: subprocess.Popen

    def reload(self) -> None:
        self.process.send_signal(signal.SIGHUP)


@contextlib.contextmanager
def running(site: pathlib.Path, *, site_path: str = "/", host: str = "127.0.0.1", port: int = 8080, timeout: int = 60):
    """nginx serving `site` at http://host:port<site_path> while the block runs; yields a Server.
    `site` may be a symbolic link: nginx follows it on every request, so pointing it at another
    build and reloading deploys that build."""
    if not pathlib.Path(NGINX).is_file():
        raise PreviewError("nginx is not installed: `apt-get install nginx` (Debian; .ci/apt-packages.txt lists it).")
    if not (site / "_nginx.conf").is_file():
        raise PreviewError(f"{site}/_nginx.conf is missing: build the site first (`make build`).")
    with tempfile.TemporaryDirectory(prefix="nginx-preview-") as tmp:
        work = pathlib.Path(tmp)
        conf = work / "nginx.conf"
        conf.write_text(nginx_conf(site, site_path, host, port, work), encoding="utf-8")
        args = ["-p", str(work), "-c", str(conf), "-e", str(work / "error.log")]
        test = subprocess.run([NGINX, "-t", "-q", *args], capture_output=True, text=True)
        if test.returncode != 0:
            raise PreviewError(f"nginx rejects the configuration:\n{test.stderr}{_tail(work / 'error.log')}")
        proc = subprocess.Popen(
            [NGINX, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            _wait_until_listening(host, port, proc, work / "error.log", timeout)
            yield Server(f"http://{host}:{port}{site_path}", proc)
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    """Stop nginx gracefully (open requests finish); if that takes over 20 s, or anything interrupts
    the wait (a Ctrl-C in a test run), kill its process group: nginx never outlives its preview."""
    if proc.poll() is not None:
        return
    try:
        proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        _kill(proc)
    except BaseException:
        _kill(proc)
        raise


def _kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=20)
