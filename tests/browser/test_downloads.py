"""Downloads in Chromium from the explorer: CSV with a BOM and Excel holding exactly the filtered rows."""

import io

import openpyxl
import pandas as pd

from tests.browser.conftest import ROWS, download, wait_done


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
    assert list(from_csv["Source sentence (unofficial translation)"]) == [r["source_quote_en"] for r in trade]
    assert list(from_csv["Chinese original"]) == [r["source_quote"] for r in trade]

    name, data = download(page, "Excel")
    assert name == "jiangbei_trade_en.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["data", "about"]
    from_excel = pd.read_excel(io.BytesIO(data), sheet_name="data", keep_default_na=False)
    pd.testing.assert_frame_equal(from_excel, from_csv, check_dtype=False)
    about = dict(pd.read_excel(io.BytesIO(data), sheet_name="about").itertuples(index=False))
    assert about["Filters"] == "topic=trade" and about["Licence"].startswith("Curated data: CC BY 4.0")
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
    fai = next(r for r in ROWS if r["id"] == "fai_2020")
    assert fai["source_quote_en"] in body  # the English sentence; the Chinese one opens beneath it
    page.get_by_text("Chinese original", exact=True).click()
    page.get_by_text(fai["source_quote"]).first.wait_for(timeout=15_000)
    # the paired target and the growth it needs keep their bounds (争取…280亿元以上)
    assert "aiming for CNY 28.0 bn or more" in body and "at least +8.8% yoy (nominal)" in body
