"""A real `streamlit run dashboard.py` on a free loopback port, driven by Debian's Chromium through Playwright."""

import csv
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTEFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
APP_DONE = "[data-testid=stApp][data-test-script-state=notRunning]"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict | None = None, timeout: float = 60,
                 health_path: str = "/_stcore/health") -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}{health_path}", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not become healthy")


@pytest.fixture(scope="session")
def server():
    process, url = start_server()
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="en-US")
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


# Records the time of the last DOM change; charts mount lazily after the script has finished.
WATCH_DOM = """() => { if (!window.__lastChange) { window.__lastChange = performance.now();
  new MutationObserver(() => { window.__lastChange = performance.now(); })
    .observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true}); } }"""
QUIET = """(ms) => document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]')
  && [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => c.querySelector('.main-svg'))
  && performance.now() - window.__lastChange > ms"""


def wait_done(page, timeout: float = 45_000, quiet_ms: int = 800) -> None:
    """Until the script has finished, every plotly chart has drawn, and the DOM has been still for quiet_ms."""
    page.wait_for_selector(APP_DONE, timeout=timeout)
    page.evaluate(WATCH_DOM)
    page.wait_for_function(QUIET, arg=quiet_ms, timeout=timeout, polling=100)


def screenshot(page, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


with open(ROOT / "data" / "indicators.csv", encoding="utf-8") as f:
    ROWS = list(csv.DictReader(f))  # the curated rows, as the browser tests' expectations


def download(page, label: str) -> tuple[str, bytes]:
    """Click the first button named label and return the downloaded file's name and bytes."""
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=label, exact=True).first.click()
    d = info.value
    return d.suggested_filename, open(d.path(), "rb").read()
