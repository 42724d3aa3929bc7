"""Analyst reuse in Chromium: ?row= selects and shows a row, Show SQL opens the console with the same rows, zh and en
downloads join on id with their About-this-file text, and the phone layout puts the search before the facets."""

import io
from urllib.parse import parse_qs, urlsplit

import pandas as pd

from jiangbei.app.ui import GRID_ROW_HEIGHT
from tests.browser.conftest import ROWS, download, wait_done


def test_row_in_the_url_is_selected_and_shown_and_a_click_moves_it(server, page):
    page.goto(f"{server}/explorer?lang=en&topic=trade&row=exports_2020")
    wait_done(page)
    exports = next(r for r in ROWS if r["id"] == "exports_2020")
    page.get_by_role("heading", name=exports["indicator_en"]).wait_for(timeout=15_000)
    assert exports["source_quote_en"] in page.inner_text("body")  # the English sentence; the Chinese is folded
    assert parse_qs(urlsplit(page.url).query)["row"] == ["exports_2020"]
    # A click on another row (the third; rows of GRID_ROW_HEIGHT px below a 35 px header) shows it and puts it in the
    # URL.
    grid = page.locator("[data-testid=stDataFrame]").first
    box = grid.bounding_box()
    third = [r for r in ROWS if r["topic"] == "trade"][2]
    assert third["id"] != "exports_2020"
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 2 * GRID_ROW_HEIGHT + GRID_ROW_HEIGHT // 2)
    page.get_by_role("heading", name=third["indicator_en"]).wait_for(timeout=15_000)
    wait_done(page)
    assert parse_qs(urlsplit(page.url).query)["row"] == [third["id"]]


def test_show_sql_opens_the_console_with_the_same_rows(server, page):
    page.goto(f"{server}/explorer?lang=en&page=trade&year=2021&sort=value&order=desc")
    wait_done(page)
    shown = page.get_by_text("indicators match").first.inner_text()
    expected = [r for r in ROWS if r["topic"] in ("trade", "consumption") and r["year"] == "2021"]
    assert shown.startswith(str(len(expected)))
    link = page.get_by_role("link", name="Show SQL for this view")
    assert link.get_attribute("href").startswith("sql?")  # relative: works under a path prefix
    with page.context.expect_page() as opened:
        link.click()
    console = opened.value
    wait_done(console)
    assert urlsplit(console.url).path.endswith("/sql")
    console.get_by_text(f"{len(expected)} {'row' if len(expected) == 1 else 'rows'} ·").first.wait_for(timeout=30_000)
    assert "ORDER BY value DESC" in console.locator("textarea").first.input_value()
    console.close()


def test_chinese_and_english_downloads_join_on_id_and_say_what_they_are(server, browser):
    frames = {}
    for lang in ("zh", "en"):
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.goto(f"{server}/explorer?lang={lang}&topic=trade")
        wait_done(page)
        name, data = download(page, "CSV")
        frames[lang] = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
        about_name, about = download(page, "关于此文件" if lang == "zh" else "About this file")
        assert about_name == name + ".about.txt"
        text = about.decode("utf-8")
        assert "CC BY 4.0" in text and "topic=trade" in text and f"/explorer?lang={lang}" in text
        assert ("导出时间(UTC)" if lang == "zh" else "Exported (UTC)") in text
        context.close()
    joined = frames["zh"].merge(frames["en"], on="id", suffixes=("_zh", "_en"))
    assert len(joined) == len(frames["zh"]) == sum(r["topic"] == "trade" for r in ROWS)
    assert (joined["series_zh"] == joined["series_en"]).all() and "指标" in joined and "Indicator" in joined


def test_on_a_phone_the_search_comes_before_the_folded_facets(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/explorer?lang=en")
    wait_done(page)
    search = page.get_by_label("Search").first.bounding_box()
    facets = page.locator("[data-testid=stExpander]").first
    assert search["y"] < facets.bounding_box()["y"]
    assert not page.get_by_label("Topic page").first.is_visible()  # folded until opened
    facets.locator("summary").click()
    page.get_by_label("Topic page").first.wait_for(state="visible")
    grid = page.locator("[data-testid=stDataFrame]").first.bounding_box()
    assert grid["y"] > search["y"]
    context.close()
