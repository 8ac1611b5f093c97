"""Printing from the browser: the one-page summary fits one A4 sheet, a guide prints as a clean
handout (no navigation, link addresses visible)."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader


@pytest.mark.parametrize("path", ["methode/samenvatting/", "en/methode/samenvatting/"])
def test_the_summary_prints_on_one_a4_page(server, page, path):
    page.goto(server + path)
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, f"{path} prints on {len(reader.pages)} pages"
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert round(width) == 595 and round(height) == 842


@pytest.mark.parametrize("path", ["gesprekken/kerngesprek/", "en/gesprekken/kerngesprek/"])
def test_a_guide_prints_without_navigation_and_with_link_addresses(server, page, path):
    page.goto(server + path)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs"):
        assert not page.is_visible(selector), f"{selector} is visible in print"
    assert page.is_visible(".md-content .factbox")
    after = page.evaluate(
        """() => { const a = document.querySelector('.md-content .factbox a');
                   return getComputedStyle(a, '::after').content; }"""
    )
    assert after.startswith('" (127.0.0.1:'), f"link address not shown short in print: {after}"


@pytest.mark.parametrize("path", ["gesprekken/kerngesprek/", "en/gesprekken/kerngesprek/"])
def test_a_printed_guide_keeps_each_address_short_and_on_one_line(server, page, path, tmp_path):
    """Printed addresses are not cut mid-word ('kernges prek'): each one the page prints is whole on
    its line, without 'http://'."""
    page.goto(server + path)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in text.splitlines() if "127.0.0.1:" in line]
    assert lines, "no address printed"
    assert "http://127.0.0.1" not in text
    for line in lines:
        address = re.search(r"127\.0\.0\.1:\d+/[^\s)]*", line).group(0)
        assert re.search(re.escape(address) + r"\)", line), f"address cut at the line's end: {line.strip()!r}"
