"""The benchmark: `python -m benchmarks.run` from the repository root; `--results` writes benchmarks/RESULTS.md
(only the sections of the parts run: `--only cold,warm`), `--pages economy,targets` times only some pages.

Every figure is measured in this one run and reported as a ratio to a floor measured in the same run, because
these machines are noisy. Not part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks import browser as bb
from benchmarks import scale, sessions
from benchmarks.servers import ROOT, Server

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
APP_PAGES = {"overview": "", "targets": "targets", "economy": "economy", "investment": "investment",
             "trade": "trade", "livelihood": "livelihood", "explorer": "explorer", "sql": "sql", "source": "source",
             "about": "about"}
# The sidebar's English link of each page, in the order the warm benchmark clicks them (from the overview).
NAV_LINKS = {"targets": "2021 targets", "economy": "Economy", "investment": "Investment & urban development",
             "trade": "Trade & consumption", "livelihood": "Livelihood", "explorer": "Explorer", "sql": "SQL",
             "source": "Source", "about": "About", "overview": "Overview"}
# The pages whose main element is a grid (st.dataframe), also compared with the grid floor of warm navigation.
GRID_PAGES = ("Explorer", "SQL")
TARGETS = {"cold": 1.3, "warm": 1.5, "query_1x_ms": 5, "query_big_ms": 100, "p95_ms": 2000, "rss_mb": 400}
# The parts of the benchmark, each its own section of RESULTS.md (--only runs some, --results rewrites only them).
SECTIONS = ("cold", "warm", "server", "queries", "concurrency")
# Headings of the parts in a RESULTS.md written before the section markers (f, memory, belongs to concurrency).
UNMARKED = (("a. ", "cold"), ("b. ", "warm"), ("c. ", "server"), ("c/d. ", "queries"), ("e. ", "concurrency"),
            ("f. ", "concurrency"))


def median(values) -> float:
    return statistics.median(values)


def p95(values) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    versions = ", ".join(f"{p} {version(p)}" for p in ("streamlit", "duckdb", "plotly", "pandas", "playwright"))
    return (f"{platform.node()}: {cpu}, {subprocess.getoutput('nproc')} cores, {mem:.0f} GiB; "
            f"Python {platform.python_version()}; {versions}; {chromium}")


def cold_loads(browser, urls: dict[str, str], runs: int,
               probes: dict[str, list[int]]) -> dict[str, list[float]]:
    """Round-robin over floors and pages, so drift in the machine's speed hits all of them alike."""
    for url in urls.values():  # warm the servers' caches: the app builds its database on first use
        bb.cold_load(browser, url)
    times: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            probe: dict = {}
            times[name].append(bb.cold_load(browser, url, probe))
            probes[name].append(probe["mutations"])
    return times


def section(name: str, lines: list[str]) -> str:
    """A part of RESULTS.md between markers, so a run of some parts rewrites only those."""
    return "\n".join([f"<!-- section:{name} -->", *lines, f"<!-- /section:{name} -->"])


def write_results(header: list[str], parts: dict[str, str]) -> None:
    """Rewrite the header and the measured sections of RESULTS.md; keep the sections not measured in this run and
    everything after <!-- notes -->."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    head, notes = old.split("<!-- notes -->", 1) if "<!-- notes -->" in old else ("", "\n")
    kept = {}
    for name in SECTIONS:
        begin, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
        if begin in head and end in head:
            kept[name] = begin + head.split(begin, 1)[1].split(end, 1)[0] + end
    if not kept:  # a file written before the markers: its parts by their headings
        for part in ("\n" + head).split("\n## ")[1:]:
            name = next((n for prefix, n in UNMARKED if part.startswith(prefix)), None)
            if name:
                kept[name] = section(name, kept.get(name, "").splitlines()[1:-1] + ("## " + part.strip()).splitlines()
                                     + [""])
    merged = [kept[n] if n not in parts else parts[n] for n in SECTIONS if n in parts or n in kept]
    RESULTS.write_text("\n".join(header) + "\n" + "\n\n".join(merged) + "\n\n<!-- notes -->" + notes,
                       encoding="utf-8")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="fresh browser contexts per page (median of these)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated parts to run, of: {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--pages", default=",".join(APP_PAGES),
                        help="comma-separated pages for the cold and warm parts (default: all)")
    parser.add_argument("--results", action="store_true",
                        help="rewrite the measured parts' sections of benchmarks/RESULTS.md (else print only)")
    parser.add_argument("--skip-scale", action="store_true", help="leave out the 10,000x synthetic data")
    args = parser.parse_args()
    only = [p for p in args.only.split(",") if p]
    unknown = set(only) - set(SECTIONS)
    pages = [p for p in args.pages.split(",") if p]
    if unknown or set(pages) - set(APP_PAGES):
        parser.error(f"unknown part or page: {sorted(unknown | (set(pages) - set(APP_PAGES)))}")
    if args.skip_scale and "queries" in only:
        only.remove("queries")
    started = time.time()
    loads = [load_average()]
    parts: dict[str, list[str]] = {}
    app_pages = {name: path for name, path in APP_PAGES.items() if name in pages}
    app = bare = chart = nav = nav_charts = nav_grids = None
    try:
        app = Server("dashboard.py")
        if "cold" in only or "warm" in only:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=bb.CHROMIUM_ARGS)
                if "cold" in only:
                    bare, chart = Server("benchmarks/floors/bare.py"), Server("benchmarks/floors/one_chart.py")
                    parts["cold"] = cold_section(browser, app, bare, chart, app_pages, args.runs)
                    loads.append(load_average())
                if "warm" in only:
                    nav = Server("benchmarks/floors/two_pages.py")
                    nav_charts = Server("benchmarks/floors/two_chart_pages.py")
                    nav_grids = Server("benchmarks/floors/two_grid_pages.py")
                    parts["warm"] = warm_section(browser, app, nav, nav_charts, nav_grids, app_pages, args.runs)
                    loads.append(load_average())
                browser.close()
        if "server" in only:
            server_ms = {name: median(sessions.rerun_times(app.url, path, 7)) for name, path in APP_PAGES.items()}
            parts["server"] = ["## c. Server-side costs", "",
                               "Script time per page rerun, through the websocket of a real server (median of 7 "
                               "warm reruns); `python -m benchmarks.profile_pages` gives the server's CPU time.", "",
                               "| page | ms per rerun |", "|---|---:|", *[f"| {name} | {ms:.0f} |"
                                                                      for name, ms in server_ms.items()]]
        if "concurrency" in only:
            topic_pages = [p for p in APP_PAGES.values() if p not in ("sql",)]
            concurrency = {n: sessions.concurrent_reruns(app.url, n, topic_pages, reruns=4) for n in (1, 10, 25)}
            rss_after = app.rss_mb()
            parts["concurrency"] = concurrency_section(concurrency, rss_after)
    finally:
        for server in (app, bare, chart, nav, nav_charts, nav_grids):
            if server is not None:
                server.stop()
    if "queries" in only:
        parts["queries"] = queries_section(scale.measure())

    header = ["# Benchmark results", "",
              f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `python -m benchmarks.run --runs {args.runs}"
              f"{'' if set(only) == set(SECTIONS) else ' --only ' + ','.join(only)}` in "
              f"{time.time() - started:.0f} s; load average (1, 5, 15 min) at the start and after each browser "
              f"part: {' → '.join(loads)}.", "", f"Machine: {machine()}.", "",
              "Ratios compare with floors measured in the same run; absolute times are shown for reference only."
              + ("" if set(only) == set(SECTIONS) else " Parts not run keep their figures from an earlier run."),
              ""]
    texts = {name: section(name, lines) for name, lines in parts.items()}
    print("\n".join(header) + "\n" + "\n\n".join(texts.values()))
    if args.results:
        write_results(header, texts)


def cold_section(browser, app: Server, bare: Server, chart: Server, pages: dict[str, str], runs: int) -> list[str]:
    urls = {"floor: one-line page": bare.url, "floor: one plotly chart": chart.url}
    urls |= {name: f"{app.url}/{path}?lang=en" for name, path in pages.items()}
    probes: dict[str, list[int]] = {name: [] for name in urls}
    cold = cold_loads(browser, urls, runs, probes)
    floor_bare = median(cold["floor: one-line page"])
    lines = [
        "## a. Cold load per page (Chromium, fresh context each time)", "",
        "From navigation start to the last DOM change after the script finished and every chart drew "
        f"(the DOM then still for {bb.QUIET_MS} ms); median of {runs}.", "",
        f"The ratio is the median over the {runs} rounds of (page ÷ one-chart floor in the same round), so a "
        "slow moment of the machine slows both sides of a ratio; the range shows the rounds' spread. DOM "
        "mutations: the median count of mutation records until the page settled (how much the browser redoes).", "",
        f"| page | median ms | × one-chart floor (target ≤ {TARGETS['cold']}) | range of ratios | × one-line floor "
        "| DOM mutations |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    floor_rounds = cold["floor: one plotly chart"]
    for name, values in cold.items():
        ratios = [v / f for v, f in zip(values, floor_rounds)]
        ratio = median(ratios)
        flag = "" if name.startswith("floor") or ratio <= TARGETS["cold"] else " ✗"
        lines.append(f"| {name} | {median(values):.0f} | {ratio:.2f}{flag} | {min(ratios):.2f}–{max(ratios):.2f} | "
                     f"{median(values) / floor_bare:.2f} | {median(probes[name]):.0f} |")
    return lines


def warm_section(browser, app: Server, nav: Server, nav_charts: Server, nav_grids: Server, pages: dict[str, str],
                 runs: int) -> list[str]:
    links = [NAV_LINKS[name] for name in NAV_LINKS if name in pages]
    if "Overview" not in links:  # every round ends where it started
        links.append("Overview")
    probes: dict[str, list[int]] = {}
    warm = bb.warm_switches(browser, f"{app.url}/?lang=en", links, runs, probes)
    bare_floor = median([v for values in bb.warm_switches(browser, f"{nav.url}/", ["Second", "First"],
                                                          runs).values() for v in values])
    floor_probes: dict[str, list[int]] = {}
    floor = median([v for values in bb.warm_switches(browser, f"{nav_charts.url}/", ["Second", "First"], runs,
                                                     floor_probes).values() for v in values])
    grid_floor = median([v for values in bb.warm_switches(browser, f"{nav_grids.url}/", ["Second", "First"],
                                                          runs).values() for v in values])
    lines = ["## b. Warm navigation (one session, sidebar clicks)", "",
             f"From the click to the last DOM change; median of {runs} switches to each page. Floor: the same switch "
             f"between two pages of one plotly chart each ({floor:.0f} ms; between two one-line pages: "
             f"{bare_floor:.0f} ms). DOM mutations: median mutation records per switch (floor: "
             f"{median([v for values in floor_probes.values() for v in values]):.0f}). Grid floor: the same switch "
             f"between two pages of one st.dataframe each ({grid_floor:.0f} ms), the least a page with a grid "
             "(Explorer, SQL) can take: the grid adds its accessibility table 200 ms after its last change.", "",
             f"| switch to | median ms | × floor (target ≤ {TARGETS['warm']}) | × grid floor | DOM mutations |",
             "|---|---:|---:|---:|---:|"]
    for link, values in warm.items():
        ratio = median(values) / floor
        grid_ratio = f"{median(values) / grid_floor:.2f}" if link in GRID_PAGES else ""
        lines.append(f"| {link} | {median(values):.0f} | {ratio:.2f}{'' if ratio <= TARGETS['warm'] else ' ✗'} | "
                     f"{grid_ratio} | {median(probes[link]):.0f} |")
    return lines


def queries_section(queries: list[dict]) -> list[str]:
    lines = ["## c/d. Canned queries at 1× and on synthetic data 10,000× larger", "",
             f"Median of {scale.REPEAT} runs after a warm-up, executing the query and fetching its result as Arrow. "
             f"The 10,000× data repeats every fact for 10,000 synthetic regions ({192 * 10_000:,} rows). pandas does "
             "the same filters on the same 10,000× frame where that is natural.", "",
             f"| query | ms at 1× (target ≤ {TARGETS['query_1x_ms']}) | ms at 10,000× "
             f"(target ≤ {TARGETS['query_big_ms']}) | pandas ms at 10,000× |", "|---|---:|---:|---:|"]
    for q in queries:
        pandas_ms = "" if q["pandas_ms_big"] is None else f"{q['pandas_ms_big']:.0f}"
        small = "" if q["ms_1x"] <= TARGETS["query_1x_ms"] else " ✗"
        big = "" if q["ms_big"] <= TARGETS["query_big_ms"] else " ✗"
        lines.append(f"| {q['query']} | {q['ms_1x']:.1f}{small} | {q['ms_big']:.0f}{big} | {pandas_ms} |")
    return lines


def concurrency_section(concurrency: dict[int, list[float]], rss_after: float) -> list[str]:
    lines = ["## e. Concurrency (websocket sessions on loopback)", "",
             "Each session reruns topic pages 4 times, all sessions at once.", "",
             f"| sessions | reruns | p50 ms | p95 ms (target ≤ {TARGETS['p95_ms']}) |", "|---:|---:|---:|---:|"]
    for n, values in concurrency.items():
        flag = "" if p95(values) <= TARGETS["p95_ms"] else " ✗"
        lines.append(f"| {n} | {len(values)} | {median(values):.0f} | {p95(values):.0f}{flag} |")
    lines += ["", "## f. Memory", "",
              f"Server RSS after the 25 sessions: **{rss_after:.0f} MB** (target ≤ {TARGETS['rss_mb']} MB)"
              f"{'' if rss_after <= TARGETS['rss_mb'] else ' ✗'}."]
    return lines


if __name__ == "__main__":
    main()
