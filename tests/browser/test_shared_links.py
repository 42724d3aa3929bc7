"""Issue 11 in Chromium: a shared link cannot plant a live link or a live spreadsheet formula, and links inside the
app stay inside it when it is served under a path prefix, as on Community Cloud."""

import io
import urllib.parse

import openpyxl
import pandas as pd
import pytest

from tests.browser.conftest import start_server, wait_done
from tests.browser.test_downloads import download

PHISH = "[Verify your account](https://evil.example)"


@pytest.fixture(scope="module")
def prefixed():
    """The app served under /app/, as Community Cloud serves it under a path prefix."""
    process, url = start_server({"STREAMLIT_SERVER_BASE_URL_PATH": "app"}, health_path="/app/_stcore/health")
    yield f"{url}/app"
    process.terminate()
    process.wait(10)


def test_a_markdown_link_in_the_url_is_shown_as_inert_code(server, page):
    page.goto(f"{server}/trade?lang=en&view={urllib.parse.quote(PHISH)}")
    wait_done(page)
    assert page.locator("a[href*='evil.example']").count() == 0
    assert PHISH in page.locator("[data-testid=stCode]").first.inner_text()


def test_links_to_the_source_page_stay_under_the_path_prefix(prefixed, page):
    page.goto(f"{prefixed}/trade?lang=en&view=table")
    wait_done(page)
    link = page.locator("a[href^='source?id=']").first
    assert page.locator("a[href^='/source']").count() == 0
    link.click()
    page.wait_for_url("**/app/source?id=*")
    wait_done(page)
    assert page.locator("#report-focus").count() == 1


def test_a_console_result_downloads_without_live_formulas(server, page):
    sql = """select '=HYPERLINK("http://x","y")' as a, '+1+2' as b"""
    page.goto(f"{server}/sql?lang=en&sql={urllib.parse.quote(sql)}")
    wait_done(page)
    _, data = download(page, "CSV")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back.iloc[0].tolist() == ["""'=HYPERLINK("http://x","y")""", "'+1+2"]
    _, data = download(page, "Excel")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["data"]
    assert [c.data_type for c in sheet[2]] == ["s", "s"]
    assert sheet["A2"].value == """'=HYPERLINK("http://x","y")"""


def test_a_result_too_big_for_excel_says_so(server, page):
    sql = "select * from range(6000) a, (select 1 as b, 2 as c, 3 as d, 4 as e, 5 as f, 6 as g, 7 as h, 8 as i, 9 as j)"
    page.goto(f"{server}/sql?lang=en&sql={urllib.parse.quote(sql)}")
    wait_done(page)
    assert page.get_by_role("button", name="Excel").first.is_disabled()
    assert "Excel: the result is too large for this format (60,000 cells; at most 50,000)." in page.inner_text("body")
    assert page.get_by_role("button", name="CSV").first.is_enabled()
