"""Which parts of a page change the DOM, and when: `python -m benchmarks.probe_dom economy [--warm]`.

Loads the page (cold: a fresh context; --warm: from the overview, a click on the page's sidebar link) in Chromium,
records every DOM mutation record with its time and the nearest element's data-testid, and prints, per testid,
how many records came and when the first and last did (ms from navigation start or from the click). The late
ones are what keeps a page from settling (benchmarks.run measures until the last DOM change).
"""

from __future__ import annotations

import argparse

from playwright.sync_api import sync_playwright

from benchmarks import browser as bb
from benchmarks.run import APP_PAGES, NAV_LINKS
from benchmarks.servers import Server

RECORD = """(() => { window.__log = [];
  const name = (node) => { let e = node.nodeType === 1 ? node : node.parentElement;
    while (e && !e.dataset?.testid) e = e.parentElement; return e ? e.dataset.testid : '(none)'; };
  const start = () => new MutationObserver((records) => { const now = performance.now();
      for (const r of records) window.__log.push([now, name(r.target)]); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start); })();"""


def report(log: list, since: float) -> None:
    parts: dict[str, list[float]] = {}
    for at, testid in log:
        if at >= since:
            parts.setdefault(testid, []).append(at - since)
    print("| testid | records | first ms | last ms |\n|---|---:|---:|---:|")
    for testid, times in sorted(parts.items(), key=lambda item: -max(item[1])):
        print(f"| {testid} | {len(times)} | {min(times):.0f} | {max(times):.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", choices=list(APP_PAGES))
    parser.add_argument("--warm", action="store_true", help="a sidebar click from the overview instead of a load")
    parser.add_argument("--query", default="lang=en", help="the URL's query string")
    args = parser.parse_args()
    server = Server("dashboard.py")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=bb.CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
            context.add_init_script(bb.OBSERVE)
            context.add_init_script(RECORD)
            page = context.new_page()
            path = "" if args.warm else APP_PAGES[args.page]
            page.goto(f"{server.url}/{path}?{args.query}")
            last = bb.settle(page)
            since = 0.0
            if args.warm:
                since = page.evaluate("() => performance.now()")
                page.locator("[data-testid=stSidebarNav]").get_by_text(NAV_LINKS[args.page], exact=True).click()
                page.wait_for_timeout(100)
                last = bb.settle(page)
            print(f"settled {last - since:.0f} ms after {'the click' if args.warm else 'navigation start'}")
            report(page.evaluate("() => window.__log"), since)
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
