"""Timing pages in Debian's Chromium: from navigation (or a click) to the last DOM change once all is drawn."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Installed before any page script: every DOM change updates window.__lastChange (ms since navigation start) and
# counts its mutation records in window.__mutations (the probe of how much the page makes the browser redo).
OBSERVE = """(() => { window.__lastChange = performance.now(); window.__mutations = 0;
  const start = () => new MutationObserver((records) => { window.__lastChange = performance.now();
      window.__mutations += records.length; })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start); })();"""
SETTLED = """(quiet) => document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]')
  && document.querySelector('[data-testid=stMain]')
  && [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => c.querySelector('.main-svg .trace'))
  && performance.now() - window.__lastChange > quiet"""
QUIET_MS = 1000


def settle(page: Page, timeout_ms: int = 60_000) -> float:
    """Wait until the app is idle, every chart drawn and the DOM still for QUIET_MS; return the last change time."""
    page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=timeout_ms, polling=50)
    return page.evaluate("() => window.__lastChange")


def mutations(page: Page) -> int:
    """DOM mutation records observed so far on the page (OBSERVE)."""
    return page.evaluate("() => window.__mutations")


def cold_load(browser: Browser, url: str, probe: dict | None = None) -> float:
    """ms from navigation start to the last DOM change, in a fresh browser context (no cache, no session).
    probe, if given, receives the DOM mutation records the load made ("mutations")."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    context.add_init_script(OBSERVE)
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit")
        settled = settle(page)
        if probe is not None:
            probe["mutations"] = mutations(page)
        return settled
    finally:
        context.close()


def warm_switches(browser: Browser, url: str, links: list[str], rounds: int,
                  probe: dict[str, list[int]] | None = None) -> dict[str, list[float]]:
    """In one session: click each sidebar link in turn, `rounds` times; ms from the click to the last DOM change.
    probe, if given, receives each switch's DOM mutation records by link."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    context.add_init_script(OBSERVE)
    page = context.new_page()
    page.goto(url)
    settle(page)
    times: dict[str, list[float]] = {link: [] for link in links}
    try:
        for _ in range(rounds):
            for link in links:
                target = page.locator("[data-testid=stSidebarNav]").get_by_text(link, exact=True)
                clicked, before = page.evaluate("() => [performance.now(), window.__mutations]")
                target.click()
                page.wait_for_timeout(100)
                times[link].append(settle(page) - clicked)
                if probe is not None:
                    probe.setdefault(link, []).append(mutations(page) - before)
    finally:
        context.close()
    return times
