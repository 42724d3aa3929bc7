"""Downloads in Chromium from the explorer: CSV with a BOM and Excel holding exactly the filtered rows."""

import csv
import io

import openpyxl
import pandas as pd

from tests.browser.conftest import ROOT, wait_done

with open(ROOT / "data" / "indicators.csv", encoding="utf-8") as f:
    ROWS = list(csv.DictReader(f))


def download(page, label: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=label, exact=True).first.click()
    d = info.value
    return d.suggested_filename, open(d.path(), "rb").read()


def test_trade_csv_and_excel_hold_the_same_filtered_rows(server, page):
    page.goto(f"{server}/explorer?lang=en&topic=trade")
    wait_done(page)
    trade = [r for r in ROWS if r["topic"] == "trade"]

    name, data = download(page, "CSV")
    assert name == "jiangbei_trade_en.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    from_csv = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert len(from_csv) == len(trade)
    assert list(from_csv["Indicator"]) == [r["indicator_en"] for r in trade]
    assert list(from_csv["Source sentence"]) == [r["source_quote"] for r in trade]

    name, data = download(page, "Excel")
    assert name == "jiangbei_trade_en.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["data", "about"]
    from_excel = pd.read_excel(io.BytesIO(data), sheet_name="data", keep_default_na=False)
    pd.testing.assert_frame_equal(from_excel, from_csv, check_dtype=False)
    about = dict(pd.read_excel(io.BytesIO(data), sheet_name="about").itertuples(index=False))
    assert about["filters"] == "topic=trade"
    # a download does not rerun the app: the page is still there and idle
    assert page.locator("[data-testid=stException]").count() == 0


def test_unfiltered_export_holds_every_row(server, page):
    page.goto(f"{server}/explorer?lang=zh")
    wait_done(page)
    name, data = download(page, "JSON")
    assert name == "jiangbei_all_zh.json"
    assert len(pd.read_json(io.BytesIO(data))) == len(ROWS)
    name, data = download(page, "Parquet")
    assert len(pd.read_parquet(io.BytesIO(data))) == len(ROWS)


def test_clicking_a_row_shows_its_details(server, page):
    page.goto(f"{server}/explorer?lang=en&q=fixed-asset")
    wait_done(page)
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.wait_for()
    box = grid.bounding_box()
    # the row-selection checkbox column sits at the grid's left edge; the first data row is below the header
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)
    page.get_by_text("The sentence in context").wait_for(timeout=15_000)
    wait_done(page)
    body = page.inner_text("body")
    assert "Paired result or target" in body and "Derived from it" in body
    assert "全区完成全社会固定资产投资257.3亿元" in body
    # the paired target and the growth it needs keep their bounds (争取…280亿元以上)
    assert "aiming for CNY 28.0 bn or more" in body and "at least 8.8%" in body
