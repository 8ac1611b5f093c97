"""`make bench`: the site's build and weight figures, in one run.

- full build time with every hook, cold (empty caches) and cached (median of RUNS builds), against
  the same project with our hooks off, in two ways (median of RUNS builds each):
  - like for like: the same pages built by MkDocs alone. Each page's Markdown as our hooks leave it
    (fact boxes, indexes, glossary, worksheet bodies with their form and example inline) is written
    into a copy of the project, with the worksheet downloads as plain files, and built with
    `hooks: []`. What differs is only the work of the hooks: validation, generation, tooltips,
    search split, sitemaps, 404 pages, redirects, slimmed CSS and the link check. This is the
    ratio the target (HOOKS_TARGET) is about: what our hooks cost;
  - stub pages: the project as it is with `hooks: []`. The worksheet pages then lack their body,
    the guides and stories their fact boxes, the indexes and the glossary are empty. That ratio
    also counts MkDocs rendering and indexing the content the hooks generate;
- the time of each hook in the cached build (summed over its events and both languages, measured
  with cProfile, so with some profiling overhead);
- worksheet rendering through its CLI (`python -m hooks.worksheets build`), cold and cached;
- first-load bytes of a guide page in Chromium from a gzip host, raw and gzip;
- search index bytes per language, raw and gzip;
- the build time of the site with its pages multiplied tenfold (synthetic copies, scratch project);
- the editor's loop under `make serve` (hooks/build/devserve.py): from writing an edit to one guide's body
  to the served page having the new text (median of RUNS edits), at 1x and at 10x, as a ratio to
  the full cached build of the same project (targets: EDIT_TARGET, EDIT_TARGET_X10);
- the full build with and without hooks/speedups_hook.py (templates compiled once per process,
  linear search de-duplication), at 1x (median) and at 10x (one cached build);
- filling worksheet PDFs with the site's own filler (bench/fill.mjs: assets/worksheets/fill.js and
  pdf-lib from the built site, in Node): the longest case, a full draaiboek of a five-hour plan as
  the planner exports it, and the long-word cases of issue #22 (3,000 letters, 3,000 CJK
  characters, a 6,000-character address). `--fill-only SITE` prints just these, for a built site.

Prints the figures and writes them to site/reports/quality.json and site/reports/quality.md. The full
builds run in scratch copies of the project with an empty .cache/.
Usage: .venv/bin/python bench/run.py [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from tests.helpers import MKDOCS, REPO, build_env, free_port, running, scratch_copy, serve
from tests.quality_helpers import first_load

GUIDE = "gesprekken/kerngesprek/"
SITE_URL = "https://belangenoptafel.example.org/"
FACTOR = 10
RUNS = 5  # builds per timed figure (the median is reported)
HOOKS_TARGET = 1.15  # issue #8: our hooks cost <= 15 % on a cached build
CAPTURE_HOOK = pathlib.Path(__file__).with_name("capture_hook.py")
EDIT_TARGET, EDIT_TARGET_X10 = 0.25, 0.10  # issue #17: save-to-reload / full cached build
EDIT_PAGE, EDIT_TEXT = "docs/nl/gesprekken/kerngesprek.md", "Eerst begrijpen, dan pas oplossen"


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def mkdocs_build(project: pathlib.Path, site: pathlib.Path, strict: bool = True) -> tuple[float, str]:
    """Wall time of one `mkdocs build` (never -q: it hides strict warnings); fails loudly."""
    env = build_env(SITE_URL)
    cmd = [*MKDOCS, "build", "-d", str(site)]
    if strict:
        cmd.append("--strict")
    else:
        env["MKDOCS_STRICT"] = "false"
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bench: mkdocs build failed in {project}:\n{result.stdout}\n{result.stderr}")
    warnings = len(re.findall(r"^WARNING", result.stderr, flags=re.M))
    return seconds, f"{warnings} warnings" if warnings else ""


def median_build(project: pathlib.Path, site: pathlib.Path, strict: bool = True, runs: int = RUNS) -> float:
    """Median wall time of `runs` builds of an unchanged project (so: with warm caches)."""
    times = sorted(mkdocs_build(project, site, strict)[0] for _ in range(runs))
    return times[len(times) // 2]


def same_pages_without_hooks(project: pathlib.Path, target: pathlib.Path, tmp: pathlib.Path) -> pathlib.Path:
    """A copy of `project` whose pages hold, written out, what our hooks generate into them, with
    `hooks: []`: the like-for-like baseline (see the module docstring)."""
    from hooks.worksheets.build import load_sources
    from hooks.worksheets.page import SLOTS, fragments

    capture, site = tmp / "capture", tmp / "site-capture"
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    shutil.copyfile(CAPTURE_HOOK, project / "capture_hook.py")
    config.write_text(re.sub(r"^hooks:\n", "hooks:\n  - capture_hook.py\n", original, count=1, flags=re.M))
    try:
        env = {**build_env(SITE_URL), "BENCH_CAPTURE": str(capture)}
        result = subprocess.run(
            [*MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, env=env, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise SystemExit(f"bench: capture build failed:\n{result.stderr[-2000:]}")
    finally:
        config.write_text(original, encoding="utf-8")
        (project / "capture_hook.py").unlink()
    same = scratch_copy(target)
    without_hooks(same)
    sheets = {source.path.stem: source.data for source in load_sources(project)}
    for captured in sorted(capture.rglob("*.md")):
        rel = captured.relative_to(capture)  # nl/… or en/…
        page = same / "docs" / rel
        front = re.match(r"^---\n.*?\n---\n", page.read_text(encoding="utf-8"), flags=re.S)
        front_text = front.group(0) if front else ""
        body = captured.read_text(encoding="utf-8")
        sheet_id = re.search(r"^worksheet:\s*(\S+)", front_text, flags=re.M)
        if sheet_id:
            parts = fragments(sheets[sheet_id.group(1)], rel.parts[0])
            for slot, marker in SLOTS.items():
                body = body.replace(marker, parts[slot])
        page.write_text(front_text + body, encoding="utf-8")
    for lang, prefix in (("nl", site), ("en", site / "en")):
        for download in (prefix / "werkbladen").iterdir():
            if download.suffix in (".pdf", ".docx"):
                shutil.copyfile(download, same / "docs" / lang / "werkbladen" / download.name)
    (same / "docs" / "nl" / "assets").mkdir(exist_ok=True)  # the pages have no assets folder of their own
    shutil.copyfile(site / "assets" / "worksheets.css", same / "docs" / "nl" / "assets" / "worksheets.css")
    return same


def hook_times(project: pathlib.Path, site: pathlib.Path, tmp: pathlib.Path) -> dict[str, float]:
    """Seconds spent in each hooks/*_hook.py during one (cached) build, from a cProfile run."""
    import pstats

    profile = tmp / "build.prof"
    env = build_env(SITE_URL)
    cmd = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise SystemExit(f"bench: profiled build failed:\n{result.stderr[-2000:]}")
    stats = pstats.Stats(str(profile)).stats  # {(file, line, name): (cc, nc, tt, ct, callers)}
    times: dict[str, float] = {}
    for (file, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.items():
        path = pathlib.Path(file)
        if path.parent.name == "hooks" and path.name.endswith("_hook.py") and name.startswith(("on_", "_")):
            if name.startswith("on_") or name in ("_keep_404", "_finish"):
                times[path.stem] = times.get(path.stem, 0.0) + cumulative
    return {k: round(v, 2) for k, v in sorted(times.items(), key=lambda kv: -kv[1])}


def editor_loop(project: pathlib.Path, runs: int = RUNS) -> dict:
    """`make serve`'s entry point in `project`; `runs` edits to one guide's body, each timed from
    writing the file to the served page having the new text (HTTP polls every 20 ms)."""
    import threading
    import urllib.request

    port = free_port()
    url = f"http://127.0.0.1:{port}/gesprekken/kerngesprek/"
    env = {**build_env(), "MKDOCS_STRICT": "false"}
    lines: list[str] = []

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=600) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait(text: str, seconds: float) -> float:
        start = time.perf_counter()
        while text not in fetch():
            if proc.poll() is not None or time.perf_counter() - start > seconds:
                raise SystemExit(f"bench: make serve never showed {text!r}:\n{''.join(lines)[-3000:]}")
            time.sleep(0.02)
        return time.perf_counter() - start

    page = project / EDIT_PAGE
    original = page.read_text(encoding="utf-8")
    command = [sys.executable, "-m", "hooks.build.devserve", "--dev-addr", f"127.0.0.1:{port}"]
    times = []
    with running(command, project, env) as proc:
        threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True).start()
        wait(EDIT_TEXT, 3600)
        try:
            for n in range(runs):
                text = EDIT_TEXT.replace("dan pas", f"dan pas ({n + 1})")
                page.write_text(original.replace(EDIT_TEXT, text, 1), encoding="utf-8")
                times.append(wait(text, 600))
        finally:
            page.write_text(original, encoding="utf-8")
    output = "".join(lines)
    return {
        "median_s": round(sorted(times)[len(times) // 2], 2),
        "times_s": [round(t, 2) for t in times],
        "fast_rebuilds": output.count("fast rebuild:"),
        "full_rebuilds": output.count("Building documentation..."),
    }


def without_speedups(project: pathlib.Path) -> None:
    """Take hooks/speedups_hook.py out of the project's hooks (the build before issue #17)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    new, count = re.subn(r"^  - hooks/speedups_hook\.py.*\n", "", text, flags=re.M)
    if count != 1:
        raise SystemExit("bench: could not find hooks/speedups_hook.py in mkdocs.yml")
    config.write_text(new, encoding="utf-8")


def without_hooks(project: pathlib.Path) -> None:
    """Replace the `hooks:` list of the project's mkdocs.yml by `hooks: []`."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    new, count = re.subn(r"^hooks:\n(?:[ \t]+-.*\n|[ \t]*#.*\n)+", "hooks: []\n", text, flags=re.M)
    if count != 1:
        raise SystemExit("bench: could not find the `hooks:` list in mkdocs.yml")
    config.write_text(new, encoding="utf-8")


def multiply_pages(project: pathlib.Path, factor: int) -> int:
    """Copy each language's page tree factor-1 times into docs/<lang>/bench-N/ (relative links stay
    valid inside a copy). Copies are not in the nav, so the build runs without --strict."""
    added = 0
    for lang_dir in (project / "docs" / "nl", project / "docs" / "en"):
        pages = [p for p in lang_dir.rglob("*.md") if "assets" not in p.relative_to(lang_dir).parts]
        for n in range(1, factor):
            for page in pages:
                target = lang_dir / f"bench-{n}" / page.relative_to(lang_dir)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(page, target)
                added += 1
    return added


def worksheet_cli(tmp: pathlib.Path) -> dict:
    """Cold (empty cache) and cached run of the worksheet CLI, or n/a when it is not there."""
    probe = subprocess.run(
        [sys.executable, "-m", "hooks.worksheets", "build", "--help"], cwd=REPO, capture_output=True, text=True
    )
    if probe.returncode != 0 or "--out" not in probe.stdout:
        return {"cold_s": "n/a", "cached_s": "n/a"}
    cache, out = tmp / "ws-cache", tmp / "ws-out"
    times = []
    for _ in range(2):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "hooks.worksheets", "build", "--out", str(out), "--cache", str(cache)],
            cwd=REPO,
            env=build_env(SITE_URL),
            capture_output=True,
            text=True,
            timeout=1800,
        )
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            return {"cold_s": "n/a", "cached_s": "n/a", "error": (result.stderr or result.stdout).strip()[-300:]}
    files = sum(1 for p in out.rglob("*") if p.is_file())
    return {"cold_s": round(times[0], 2), "cached_s": round(times[1], 2), "files": files}


def page_weight(site: pathlib.Path) -> dict:
    """First load of the guide page in Chromium from a gzip host: bytes on the wire and raw."""
    from playwright.sync_api import sync_playwright

    httpd = serve(site)
    base = f"http://127.0.0.1:{httpd.server_port}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
            )
            page = browser.new_context().new_page()
            responses = first_load(page, base + GUIDE)
            browser.close()
    finally:
        httpd.shutdown()
    rows = []
    for r in responses:
        path = urllib.parse.urlsplit(r["url"]).path.lstrip("/")
        file = site / path / "index.html" if path.endswith("/") or not path else site / path
        raw = file.stat().st_size if file.is_file() else 0
        rows.append({"url": "/" + path, "status": r["status"], "gzip": r["body"], "raw": raw})
    rows.sort(key=lambda row: -row["gzip"])
    return {
        "page": "/" + GUIDE,
        "requests": len(rows),
        "gzip_bytes": sum(row["gzip"] for row in rows),
        "raw_bytes": sum(row["raw"] for row in rows),
        "responses": rows,
    }


def search_index(site: pathlib.Path) -> dict:
    sizes = {}
    for lang, rel in (("nl", "search/search_index.json"), ("en", "en/search/search_index.json")):
        file = site / rel
        if file.is_file():
            data = file.read_bytes()
            sizes[lang] = {"raw_bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6, mtime=0))}
        else:
            sizes[lang] = {"raw_bytes": "n/a", "gzip_bytes": "n/a"}
    return sizes


def fill_times(site: pathlib.Path) -> dict:
    """bench/fill.mjs on a built site: per case the first and the median fill (ms), pages, bytes."""
    node = shutil.which("node")
    if not node:
        return {"error": "node is not installed"}
    result = subprocess.run(
        [node, "--no-warnings", str(REPO / "bench" / "fill.mjs"), str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        return {"error": (result.stderr or result.stdout).strip()[-300:]}
    return json.loads(result.stdout)


def _fill_rows(cases: dict) -> list[str]:
    if "error" in cases:
        return [f"| filling worksheet PDFs | n/a ({cases['error']}) |"]
    return [
        f"| fill PDF: {label} | {c['first_ms']} ms first, {c['median_ms']} ms median of {c['runs']} "
        f"({c['pages']} pages, {c['bytes']:,} B) |"
        for label, c in cases.items()
    ]


def markdown(figures: dict) -> str:
    b, w, s, ws = figures["build"], figures["first_load"], figures["search_index"], figures["worksheets_cli"]
    lines = [
        "# Quality figures",
        "",
        f"Measured {figures['when']} on {figures['cpus']} CPU(s); `make bench` (bench/run.py).",
        "",
        "| what | figure |",
        "|---|---|",
        f"| full build, all hooks, cold caches | {b['cold_s']} s ({b['pages']} pages) |",
        f"| full build, all hooks, cached (median of {b['runs']}) | {b['all_hooks_s']} s |",
        f"| the same pages built by MkDocs alone (`hooks: []`, generated parts written out) | "
        f"{b['same_pages_no_hooks_s']} s |",
        f"| **ratio: what our hooks cost** (target <= {b['target']}) | **{b['ratio']}** "
        f"({'met' if b['ratio'] <= b['target'] else 'missed'}) |",
        f"| the project with stub pages, `hooks: []` (no generated content) | {b['no_hooks_s']} s |",
        f"| ratio to stub pages (hooks and rendering their content) | {b['ratio_stub_pages']} |",
        *(f"| hook {name} (profiled, cached build) | {sec} s |" for name, sec in b["per_hook_s"].items()),
        f"| worksheets CLI, cold cache | {ws['cold_s']} s |",
        f"| worksheets CLI, cached | {ws['cached_s']} s |",
        f"| first load of {w['page']} | {w['gzip_bytes']:,} B gzip, {w['raw_bytes']:,} B raw, "
        f"{w['requests']} requests |",
        f"| search index nl | {s['nl']['raw_bytes']:,} B raw, {s['nl']['gzip_bytes']:,} B gzip |",
        f"| search index en | {s['en']['raw_bytes']:,} B raw, {s['en']['gzip_bytes']:,} B gzip |",
        f"| build with pages x{FACTOR}, cached | {b['x10_s']} s ({b['x10_pages']} pages; "
        f"{b['x10_note'] or 'no warnings'}) |",
        f"| seconds per page, 1x / x{FACTOR} | {b['all_hooks_s'] / b['pages']:.4f} / "
        f"{b['x10_s'] / b['x10_pages']:.4f} |",
        f"| full build cached without hooks/speedups_hook.py (before #17), 1x (median of {b['runs']}, "
        f"interleaved with the next row) / x{FACTOR} (one build) | {b['no_speedups_s']} s / "
        f"{b['x10_no_speedups_s']} s |",
        f"| full build cached with it, 1x (median of {b['runs']}, interleaved) / x{FACTOR} (above) | "
        f"{b['with_speedups_s']} s / {b['x10_s']} s |",
        *_editor_rows(figures["editor_loop"]),
        *_fill_rows(figures["fill_pdf"]),
        "",
        f"## First load of {w['page']}",
        "",
        "| response | status | gzip B | raw B |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{r['url']}` | {r['status']} | {r['gzip']:,} | {r['raw']:,} |" for r in w["responses"]]
    return "\n".join(lines) + "\n"


def _editor_rows(e: dict) -> list[str]:
    rows = []
    for size, key, target in (("1x", "x1", "target_x1"), (f"x{FACTOR}", "x10", "target_x10")):
        loop, ratio = e[key], e[f"ratio_{key}"]
        rows.append(
            f"| make serve, save-to-reload of one guide, {size} (median of {len(loop['times_s'])}: "
            f"{', '.join(map(str, loop['times_s']))} s) | {loop['median_s']} s; "
            f"**ratio to the full cached build: {ratio}** (target <= {e[target]}: "
            f"{'met' if ratio <= e[target] else 'missed'}); {loop['fast_rebuilds']} fast rebuilds |"
        )
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=REPO / "site" / "reports", help="where the report goes")
    parser.add_argument("--fill-only", type=pathlib.Path, metavar="SITE", help="only the PDF fill figures, for SITE")
    args = parser.parse_args(argv)
    if args.fill_only:
        print("\n".join(["| what | figure |", "|---|---|", *_fill_rows(fill_times(args.fill_only))]))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = pathlib.Path(tmp_name)
        log("full build, all hooks: cold, then cached")
        full = scratch_copy(tmp / "full")
        shutil.rmtree(full / ".cache", ignore_errors=True)
        site = tmp / "site"
        cold_s, _ = mkdocs_build(full, site)
        all_hooks_s = median_build(full, site)
        pages = sum(1 for _ in site.rglob("index.html"))
        log("time of each hook (profiled cached build)")
        per_hook = hook_times(full, tmp / "site-profiled", tmp)

        log("the same pages, built by MkDocs alone (hooks: [])")
        same = same_pages_without_hooks(full, tmp / "same", tmp)
        same_s = median_build(same, tmp / "site-same", strict=False)
        same_pages = sum(1 for _ in (tmp / "site-same").rglob("index.html"))
        if same_pages != pages:
            raise SystemExit(f"bench: the like-for-like site has {same_pages} pages, the real one {pages}")

        log("the project with stub pages, hooks: []")
        bare = scratch_copy(tmp / "bare")
        without_hooks(bare)
        no_hooks_s = median_build(bare, tmp / "site-bare", strict=False)

        log("full build with and without hooks/speedups_hook.py (before issue #17), interleaved")
        slow = scratch_copy(tmp / "slow")
        shutil.copytree(full / ".cache", slow / ".cache", dirs_exist_ok=True)
        without_speedups(slow)
        pairs = [(mkdocs_build(full, site)[0], mkdocs_build(slow, tmp / "site-slow")[0]) for _ in range(RUNS)]
        with_speedups_s = sorted(a for a, _ in pairs)[RUNS // 2]
        no_speedups_s = sorted(b for _, b in pairs)[RUNS // 2]

        log("the editor's loop: make serve, an edit to one guide, 1x")
        edit = editor_loop(full)

        log("worksheets CLI, cold and cached")
        worksheets = worksheet_cli(tmp)

        log("first load of a guide page (Chromium, gzip host)")
        weight = page_weight(site)
        index = search_index(site)

        log("filling worksheet PDFs (bench/fill.mjs)")
        fill_pdf = fill_times(site)

        log(f"build with pages x{FACTOR}")
        big = scratch_copy(tmp / "x10")
        multiply_pages(big, FACTOR)
        mkdocs_build(big, tmp / "site-x10", strict=False)  # warms the caches, as for the 1x figure
        x10_s, x10_note = mkdocs_build(big, tmp / "site-x10", strict=False)
        x10_pages = sum(1 for _ in (tmp / "site-x10").rglob("index.html"))
        log(f"the editor's loop at x{FACTOR}")
        edit_x10 = editor_loop(big)
        log(f"build with pages x{FACTOR}, without hooks/speedups_hook.py")
        without_speedups(big)
        x10_slow_s, _ = mkdocs_build(big, tmp / "site-x10-slow", strict=False)

    figures = {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "build": {
            "pages": pages,
            "cold_s": round(cold_s, 2),
            "all_hooks_s": round(all_hooks_s, 2),
            "per_hook_s": per_hook,
            "runs": RUNS,
            "same_pages_no_hooks_s": round(same_s, 2),
            "ratio": round(all_hooks_s / same_s, 2),
            "target": HOOKS_TARGET,
            "no_hooks_s": round(no_hooks_s, 2),
            "ratio_stub_pages": round(all_hooks_s / no_hooks_s, 2),
            "x10_s": round(x10_s, 2),
            "x10_pages": x10_pages,
            "x10_note": x10_note,
            "no_speedups_s": round(no_speedups_s, 2),
            "with_speedups_s": round(with_speedups_s, 2),
            "x10_no_speedups_s": round(x10_slow_s, 2),
        },
        "editor_loop": {
            "x1": edit,
            "x10": edit_x10,
            "ratio_x1": round(edit["median_s"] / all_hooks_s, 3),
            "ratio_x10": round(edit_x10["median_s"] / x10_s, 3),
            "target_x1": EDIT_TARGET,
            "target_x10": EDIT_TARGET_X10,
        },
        "worksheets_cli": worksheets,
        "fill_pdf": fill_pdf,
        "first_load": weight,
        "search_index": index,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "quality.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    report = markdown(figures)
    (args.out / "quality.md").write_text(report, encoding="utf-8")
    print(report)
    print(f"written: {args.out / 'quality.md'} and quality.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
