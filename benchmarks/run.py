"""The benchmark: `python -m benchmarks.run` from the repository root. Writes benchmarks/RESULTS.md.

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
APP_PAGES = {"overview": "", "economy": "economy", "investment": "investment", "trade": "trade",
             "livelihood": "livelihood", "explorer": "explorer", "sql": "sql", "source": "source", "about": "about"}
NAV_LINKS = ["Economy", "Investment", "Trade", "Livelihood", "Overview"]
TARGETS = {"cold": 1.3, "warm": 1.5, "query_1x_ms": 5, "query_big_ms": 100, "p95_ms": 2000, "rss_mb": 400}


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


def cold_loads(browser, app: Server, bare: Server, chart: Server, runs: int) -> dict[str, list[float]]:
    """Round-robin over floors and pages, so drift in the machine's speed hits all of them alike."""
    urls = {"floor: one-line page": bare.url, "floor: one plotly chart": chart.url}
    urls |= {name: f"{app.url}/{path}?lang=en" for name, path in APP_PAGES.items()}
    for url in urls.values():  # warm the servers' caches: the app builds its database on first use
        bb.cold_load(browser, url)
    times: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            times[name].append(bb.cold_load(browser, url))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="fresh browser contexts per page (median of these)")
    parser.add_argument("--skip-scale", action="store_true", help="leave out the 10,000x synthetic data")
    args = parser.parse_args()
    started = time.time()
    lines: list[str] = []
    app, bare, chart, nav = (Server("dashboard.py"), Server("benchmarks/floors/bare.py"),
                             Server("benchmarks/floors/one_chart.py"), Server("benchmarks/floors/two_pages.py"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=bb.CHROMIUM_ARGS)
            cold = cold_loads(browser, app, bare, chart, args.runs)
            warm = bb.warm_switches(browser, f"{app.url}/?lang=en", NAV_LINKS, args.runs)
            warm_floor = bb.warm_switches(browser, f"{nav.url}/", ["Second", "First"], args.runs)
            browser.close()
        server_ms = {name: median(sessions.rerun_times(app.url, path, 7)) for name, path in APP_PAGES.items()}
        topic_pages = [p for p in APP_PAGES.values() if p not in ("sql",)]
        concurrency = {n: sessions.concurrent_reruns(app.url, n, topic_pages, reruns=4) for n in (1, 10, 25)}
        rss_after = app.rss_mb()
    finally:
        for server in (app, bare, chart, nav):
            server.stop()
    queries = [] if args.skip_scale else scale.measure()

    floor_bare = median(cold["floor: one-line page"])
    lines += [
        "# Benchmark results", "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `python -m benchmarks.run --runs {args.runs}` "
        f"in {time.time() - started:.0f} s.", "", f"Machine: {machine()}.", "",
        "Ratios compare with floors measured in the same run; absolute times are shown for reference only.", "",
        "## a. Cold load per page (Chromium, fresh context each time)", "",
        "From navigation start to the last DOM change after the script finished and every chart drew "
        f"(the DOM then still for {bb.QUIET_MS} ms); median of {args.runs}.", "",
        f"The ratio is the median over the {args.runs} rounds of (page ÷ one-chart floor in the same round), so a "
        "slow moment of the machine slows both sides of a ratio; the range shows the rounds' spread.", "",
        f"| page | median ms | × one-chart floor (target ≤ {TARGETS['cold']}) | range of ratios | × one-line floor |",
        "|---|---:|---:|---:|---:|",
    ]
    floor_rounds = cold["floor: one plotly chart"]
    for name, values in cold.items():
        ratios = [v / f for v, f in zip(values, floor_rounds)]
        ratio = median(ratios)
        flag = "" if name.startswith("floor") or ratio <= TARGETS["cold"] else " ✗"
        lines.append(f"| {name} | {median(values):.0f} | {ratio:.2f}{flag} | {min(ratios):.2f}–{max(ratios):.2f} | "
                     f"{median(values) / floor_bare:.2f} |")

    floor_warm = median([v for values in warm_floor.values() for v in values])
    lines += ["", "## b. Warm navigation (one session, sidebar clicks)", "",
              f"From the click to the last DOM change; median of {args.runs} switches to each page. Floor: the same "
              f"switch between two one-line pages ({floor_warm:.0f} ms).", "",
              f"| switch to | median ms | × floor (target ≤ {TARGETS['warm']}) |", "|---|---:|---:|"]
    for link, values in warm.items():
        ratio = median(values) / floor_warm
        lines.append(f"| {link} | {median(values):.0f} | {ratio:.2f}{'' if ratio <= TARGETS['warm'] else ' ✗'} |")

    lines += ["", "## c. Server-side costs", "",
              "Script time per page rerun, through the websocket of a real server (median of 7 warm reruns):", "",
              "| page | ms per rerun |", "|---|---:|"]
    lines += [f"| {name} | {ms:.0f} |" for name, ms in server_ms.items()]
    if queries:
        lines += ["", "## c/d. Canned queries at 1× and on synthetic data 10,000× larger", "",
                  f"Median of {scale.REPEAT} runs after a warm-up, executing the query and fetching its result as "
                  "Arrow. The "
                  f"10,000× data repeats every fact for 10,000 synthetic regions ({192 * 10_000:,} rows). pandas does "
                  "the same filters on the same 10,000× frame where that is natural.", "",
                  f"| query | ms at 1× (target ≤ {TARGETS['query_1x_ms']}) | ms at 10,000× "
                  f"(target ≤ {TARGETS['query_big_ms']}) | pandas ms at 10,000× |", "|---|---:|---:|---:|"]
        for q in queries:
            pandas_ms = "" if q["pandas_ms_big"] is None else f"{q['pandas_ms_big']:.0f}"
            small = "" if q["ms_1x"] <= TARGETS["query_1x_ms"] else " ✗"
            big = "" if q["ms_big"] <= TARGETS["query_big_ms"] else " ✗"
            lines.append(f"| {q['query']} | {q['ms_1x']:.1f}{small} | {q['ms_big']:.0f}{big} | {pandas_ms} |")

    lines += ["", "## e. Concurrency (websocket sessions on loopback)", "",
              "Each session reruns topic pages 4 times, all sessions at once.", "",
              f"| sessions | reruns | p50 ms | p95 ms (target ≤ {TARGETS['p95_ms']}) |", "|---:|---:|---:|---:|"]
    for n, values in concurrency.items():
        flag = "" if p95(values) <= TARGETS["p95_ms"] else " ✗"
        lines.append(f"| {n} | {len(values)} | {median(values):.0f} | {p95(values):.0f}{flag} |")
    lines += ["", "## f. Memory", "",
              f"Server RSS after the 25 sessions: **{rss_after:.0f} MB** (target ≤ {TARGETS['rss_mb']} MB)"
              f"{'' if rss_after <= TARGETS['rss_mb'] else ' ✗'}.", ""]
    text = "\n".join(lines)
    notes = RESULTS.read_text(encoding="utf-8").split("<!-- notes -->", 1)[1] if RESULTS.exists() and \
        "<!-- notes -->" in RESULTS.read_text(encoding="utf-8") else "\n"
    RESULTS.write_text(text + "\n<!-- notes -->" + notes, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
