"""Shared fixtures: one strict build of the real site per test session, served on a free port."""

from __future__ import annotations

import pathlib

import pytest

from tests.helpers import build, free_port, serve


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(port) -> str:
    # Built for the address it is served from: Material's instant navigation only engages for
    # URLs listed in the sitemap, matched on host and port.
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_url) -> pathlib.Path:
    """The real site, built with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = build(pathlib.Path(__file__).resolve().parents[1], site, site_url)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def server(built_site, port, site_url):
    httpd = serve(built_site, port)
    yield site_url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
