"""The libraries the site serves (overrides/assets/worksheets/vendor/) are byte for byte the files
of the versions package-lock.json locks, with their licences, and the built site serves them; a
changed copy or a stale licence file is named with the command that fixes it."""

from __future__ import annotations

import pytest

from hooks.build import vendor


def test_the_vendored_files_equal_node_modules_at_the_locked_versions():
    assert vendor.problems() == []


def test_a_changed_copy_is_found(monkeypatch, tmp_path):
    for name in vendor.FILES:
        (tmp_path / name).write_bytes((vendor.VENDOR_DIR / name).read_bytes())
    (tmp_path / vendor.LICENSES_FILE).write_text(vendor.licenses(), encoding="utf-8")
    monkeypatch.setattr(vendor, "VENDOR_DIR", tmp_path)
    assert vendor.problems() == []
    (tmp_path / "fflate.min.js").write_bytes(b"/* patched */" + (tmp_path / "fflate.min.js").read_bytes())
    (tmp_path / vendor.LICENSES_FILE).write_text("MIT\n", encoding="utf-8")
    found = vendor.problems()
    assert len(found) == 2
    assert "fflate.min.js is not fflate/umd/index.js: run `python -m hooks.build.vendor update`" in found[0]
    assert "LICENSES.txt is out of date" in found[1]


@pytest.mark.parametrize("package", ["@cantoo/pdf-lib", "fflate", "culori", "tslib"])
def test_the_licences_of_what_the_files_bundle_are_published(built_site, package):
    text = (built_site / "assets" / "worksheets" / "vendor" / vendor.LICENSES_FILE).read_text(encoding="utf-8")
    assert f"{package} {vendor.locked_version(package)}\n" in text
    assert vendor.licence_text(package) in text


def test_the_built_site_serves_the_vendored_files(built_site):
    for name in vendor.FILES:
        assert (built_site / "assets" / "worksheets" / "vendor" / name).read_bytes() == (
            vendor.VENDOR_DIR / name
        ).read_bytes()
