"""The built site on real nginx, with the configuration the build wrote (`_nginx.conf`): status codes,
each language's 404 page, precompressed gzip and brotli, caching, the security headers (the same as
in `_headers` for Netlify and Cloudflare Pages), and in Chromium: instant navigation, the language
switch, the 404 page, and a reading session with no failed request and nothing from another host."""

from __future__ import annotations

import contextlib
import gzip
import os
import signal
import socket
import time
import urllib.parse

import brotli
import pytest

from hooks.hosting import preview
from tests.helpers import REPO, free_port, pick_language, running, wait_for_path
from tests.hosting_helpers import get, nginx_server, recorded_context

__all__ = ["nginx_server"]  # a fixture, used by name below

GUIDE = "gesprekken/kerngesprek/"


def _headers_file_rules(site) -> dict[str, dict[str, str]]:
    """`_headers` as {path pattern: {header: value}}."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            current = rules.setdefault(line.strip(), {})
        else:
            name, _, value = line.strip().partition(": ")
            current[name] = value
    return rules


@pytest.mark.parametrize(
    ("path", "lang", "words"),
    [
        ("bestaat/niet/", "nl", "bestaat niet"),
        ("methode/geen-fase/", "nl", "bestaat niet"),
        ("werkbladen/geen.pdf", "nl", "bestaat niet"),
        ("assets/", "nl", "bestaat niet"),  # a folder without index.html: 404, not 403
        ("en/does/not/exist/", "en", "does not exist"),
        ("en/werkbladen/none.pdf", "en", "does not exist"),
        ("en/assets/", "en", "does not exist"),
    ],
)
def test_a_missing_address_gets_the_404_page_of_its_language(nginx_server, path, lang, words):
    reply = get(nginx_server + path)
    assert reply.status == 404
    body = reply.body.decode()
    assert f'<html lang="{lang}"' in body and words in body, body[:300]
    assert reply.header("Content-Security-Policy"), "a 404 carries the security headers too"


@pytest.mark.parametrize("path", ["_headers", "_redirects", "_nginx.conf", "_nginx-brotli.conf"])
def test_the_host_files_are_not_served(nginx_server, built_site, path):
    assert (built_site / path).is_file()
    assert get(nginx_server + path).status == 404


def test_a_folder_address_without_slash_is_redirected_to_it(nginx_server):
    for path in ("methode", "en/methode", "en"):
        reply = get(nginx_server + path)
        assert reply.status == 301 and reply.header("Location") == f"/{path}/", (path, reply.headers)


@pytest.mark.parametrize(
    "path",
    [
        GUIDE,
        "en/" + GUIDE,
        "",
        "en/",
        "assets/site/site.js",
        "assets/site/site.css",
        "search/search_index.json",
        "sw.js",
    ],
)
def test_text_is_sent_precompressed_gzip_and_brotli(nginx_server, built_site, path):
    file = built_site / (path + "index.html" if path == "" or path.endswith("/") else path)
    raw = file.read_bytes()
    plain = get(nginx_server + path)
    assert plain.status == 200 and plain.body == raw and not plain.header("Content-Encoding")
    assert "Accept-Encoding" in plain.header("Vary")
    zipped = get(nginx_server + path, encoding="gzip")
    assert zipped.header("Content-Encoding") == "gzip"
    assert zipped.body == file.with_name(file.name + ".gz").read_bytes(), "not the build's .gz file"
    assert gzip.decompress(zipped.body) == raw
    assert preview.has_brotli(), "nginx's brotli module is missing: apt-get install libnginx-mod-http-brotli-static"
    broken = get(nginx_server + path, encoding="br, gzip")
    assert broken.header("Content-Encoding") == "br"
    assert broken.body == file.with_name(file.name + ".br").read_bytes(), "not the build's .br file"
    assert brotli.decompress(broken.body) == raw
    assert len(broken.body) < len(zipped.body) < len(raw)


def test_fingerprinted_files_are_cached_for_a_year_and_everything_else_is_revalidated(nginx_server, built_site):
    fingerprinted = sorted(built_site.glob("assets/javascripts/bundle.*.min.js")) + sorted(
        built_site.glob("assets/stylesheets/main.*.min.css")
    )
    assert fingerprinted
    for file in fingerprinted:
        url = nginx_server + file.relative_to(built_site).as_posix()
        assert get(url, encoding="gzip").header("Cache-Control") == "public, max-age=31536000, immutable", url
    for path in (
        GUIDE,
        "en/",
        "assets/site/site.js",
        "assets/offline/offline.js",
        "sw.js",
        "offline.json",
        "werkbladen/belangenkaart.pdf",
    ):
        reply = get(nginx_server + path)
        assert reply.status == 200 and reply.header("Cache-Control") == "no-cache", (path, reply.headers)
        etag = reply.header("ETag")
        assert etag, f"{path}: no ETag to revalidate with"
        again = get(nginx_server + path, headers={"If-None-Match": etag})
        assert again.status == 304 and not again.body, f"{path}: revalidation did not answer 304"


def test_every_response_carries_the_security_headers_of_the_headers_file(nginx_server, built_site):
    rules = _headers_file_rules(built_site)
    wanted = rules["/*"]
    assert "'unsafe-inline'" not in wanted["Content-Security-Policy"]
    assert "'unsafe-eval'" not in wanted["Content-Security-Policy"]
    assert {"X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"} <= set(wanted)
    assert "frame-ancestors 'none'" in wanted["Content-Security-Policy"]
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site).as_posix()
    assert rules["/" + bundle] == {"Cache-Control": "public, max-age=31536000, immutable"}
    for path, status in [
        (GUIDE, 200),
        ("en/", 200),
        (bundle, 200),
        ("nope/", 404),
        ("en/nope/", 404),
        ("methode", 301),
    ]:
        reply = get(nginx_server + path, encoding="gzip")
        assert reply.status == status, path
        for name, value in wanted.items():
            assert reply.header(name) == value, f"{path}: {name} is {reply.header(name)!r}"


def _raw(url: str, request: bytes) -> tuple[int, dict[str, str]]:
    """Send bytes as they are (no client would send a broken request); the status and headers."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    return int(head[0].split()[1]), headers


ERRORS = {
    400: b"GET / HTTP/1.1\r\nHost: not a host\r\nConnection: close\r\n\r\n",
    405: b"POST /gesprekken/kerngesprek/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    414: b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    416: b"GET /assets/site/site.css HTTP/1.1\r\nHost: x\r\nRange: bytes=99999999-\r\nConnection: close\r\n\r\n",
}


@pytest.mark.parametrize("status", ERRORS)
def test_error_answers_carry_the_security_headers_too(nginx_server, built_site, status):
    """400 and 414 come before nginx chooses a location (the server level must carry the headers),
    405 and 416 from inside one."""
    wanted = _headers_file_rules(built_site)["/*"]
    got, headers = _raw(nginx_server, ERRORS[status])
    assert got == status
    for name, value in wanted.items():
        assert headers.get(name) == value, f"{status}: {name} is {headers.get(name)!r}"


def test_language_switch_and_instant_navigation_on_nginx(nginx_server, browser):
    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(nginx_server + "methode/")
        page.evaluate("window.__sameDocument = true")
        page.click('.md-content a[href*="waarom/"]')
        wait_for_path(page, "/methode/waarom/")
        assert page.evaluate("window.__sameDocument === true"), "instant navigation did not engage on nginx"
        page.goto(nginx_server + GUIDE + "#verloop")
        pick_language(page, "en", "/en/" + GUIDE)
        assert urllib.parse.urlsplit(page.url).fragment == "verloop"
        assert page.evaluate("document.documentElement.lang") == "en"
        pick_language(page, "nl", "/" + GUIDE)
        page.wait_for_load_state("networkidle")
        assert not recorder.report(), recorder.report()


@pytest.mark.parametrize(("missing", "lang"), [("bestaat/niet/", "nl"), ("en/does/not/exist/", "en")])
def test_the_404_page_in_the_browser(nginx_server, browser, missing, lang):
    with recorded_context(browser) as (context, recorder):
        recorder.expected_404.add(nginx_server + missing)
        page = context.new_page()
        response = page.goto(nginx_server + missing)
        assert response.status == 404
        assert page.evaluate("document.documentElement.lang") == lang
        page.wait_for_load_state("networkidle")
        assert not recorder.report(), recorder.report()


def test_a_reading_session_on_nginx_stays_on_the_site_and_nothing_fails(nginx_server, browser):
    seen = []
    with recorded_context(browser) as (context, recorder):
        context.on("request", lambda r: seen.append(r.url))
        page = context.new_page()
        for path in ("", GUIDE, "werkbladen/belangenkaart/", "en/" + GUIDE, "en/praktijk/jeugdhulp/"):
            page.goto(nginx_server + path)
            page.wait_for_load_state("networkidle")
        assert not recorder.report(), recorder.report()
    own = urllib.parse.urlsplit(nginx_server).netloc
    foreign = [u for u in seen if urllib.parse.urlsplit(u).netloc != own and not u.startswith("data:")]
    assert not foreign, foreign


def test_make_preview_builds_and_serves_the_site_with_nginx_and_stops_cleanly():
    port = free_port()
    with running(["make", "preview", f"PREVIEW_PORT={port}"], REPO, dict(os.environ)) as proc:
        deadline, reply = time.monotonic() + 600, None
        while time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(OSError):
                reply = get(f"http://127.0.0.1:{port}/en/does/not/exist/")
                break
            time.sleep(0.5)
        assert reply is not None, f"make preview did not serve (exit {proc.poll()})"
        assert reply.status == 404 and b'<html lang="en"' in reply.body
        assert reply.header("Server") == "nginx" and reply.header("Content-Security-Policy")
        assert get(f"http://127.0.0.1:{port}/sw.js").status == 200
    with pytest.raises(OSError):
        get(f"http://127.0.0.1:{port}/")


def test_a_stop_signal_that_comes_twice_still_stops_nginx(built_site):
    """`make` passes its own SIGTERM on to the preview, so a stop arrives twice. Here the second one
    lands while nginx is finishing a request (a client that sent half a request keeps it busy):
    nginx must still be stopped, not left serving on its own."""
    port = free_port()
    cmd = [str(REPO / ".venv" / "bin" / "python"), "-m", "hooks.hosting", "preview", str(built_site)]
    with running([*cmd, "--port", str(port)], REPO, dict(os.environ)) as proc:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                client = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(0.2)
        with client:
            client.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")  # half a request: nginx waits for the rest
            time.sleep(0.5)  # let nginx read it
            proc.send_signal(signal.SIGTERM)
            # nginx closes its listening socket as soon as it is asked to quit; then it waits for us.
            while _listens(port):
                assert proc.poll() is None, proc.stdout.read()
                time.sleep(0.05)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=90) == 0, proc.stdout.read()
            # The preview has exited: the nginx that held our connection must be gone with it
            # (a live nginx would keep waiting for the rest of the request for its 60 s header timeout).
            client.settimeout(5)
            try:
                assert client.recv(1024) == b""
            except ConnectionResetError:
                pass


def _listens(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False
