"""Every page in both languages in Chromium: the script finishes, no exception, every chart drawn."""

import pytest

from tests.browser.conftest import screenshot, wait_done

PAGES = {"": "overview", "targets": "targets", "economy": "economy", "investment": "investment", "trade": "trade",
         "livelihood": "livelihood", "explorer": "explorer", "sql": "sql", "source": "source", "about": "about"}
# investment: one growth rate, one share, one completion rate: listed, since one bar is no chart
# /targets: one tab per family of dumbbells, only the open one drawn (test_targets_family_tabs)
MIN_CHARTS = {"overview": 2, "targets": 1, "economy": 1, "investment": 0, "trade": 2, "livelihood": 2}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders(server, page, path, lang):
    page.goto(f"{server}/{path}?lang={lang}")
    wait_done(page)
    assert page.locator("[data-testid=stException]").count() == 0
    assert "Traceback" not in page.inner_text("body")
    charts = page.locator("[data-testid=stPlotlyChart]")
    assert charts.count() >= MIN_CHARTS.get(PAGES[path], 0)
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.locator(".main-svg").count() > 0
        marks = chart.locator(".trace.bars .point path, .trace.scatter .points path")
        assert marks.count() > 0, "chart drew no bars or dots"
    title = page.locator("h1").first.inner_text()
    assert title and (lang == "en") == title.isascii()
    screenshot(page, f"{PAGES[path]}_{lang}")


def test_targets_family_tabs_open_from_the_url_and_keep_the_text_alternative(server, page):
    """/targets draws one family of dumbbells at a time, in tabs kept in ?family=: a link opens its family, a
    click on another tab draws that one and puts it in the URL; each chart keeps its sentence and its data."""
    page.goto(f"{server}/targets?lang=en&family=rate")
    wait_done(page)
    selected = page.locator("[data-testid=stTabs] [role=tab][aria-selected=true]")
    assert selected.inner_text().strip() == "Shares and rates"
    charts = page.locator("[data-testid=stPlotlyChart]")
    assert charts.count() == 1
    assert charts.first.locator(".gtitle").text_content().startswith("Shares and rates")
    assert charts.first.locator(".trace.scatter .points path").count() > 0
    panel = page.locator("[data-testid=stTabs] [role=tabpanel]:visible")
    assert "Shares and rates" in panel.locator("[data-testid=stCaptionContainer]").first.inner_text()
    panel.get_by_text("Data of this chart").click()
    assert panel.locator(".jb-chart-data table tbody tr").count() >= 2
    page.locator("[data-testid=stTabs] [role=tab]").get_by_text("Growth rates", exact=True).click()
    page.wait_for_timeout(300)
    wait_done(page)
    assert "family=" not in page.url  # the first tab is the default
    assert page.locator("[data-testid=stPlotlyChart] .gtitle").first.text_content().startswith("Growth targets")
    page.locator("[data-testid=stTabs] [role=tab]").get_by_text("Amounts for the year", exact=True).click()
    page.wait_for_url("**family=flow*")
    wait_done(page)
    assert page.locator("[data-testid=stPlotlyChart]").count() == 1


def test_language_switch_keeps_the_page_and_translates_charts(server, page):
    page.goto(f"{server}/trade?lang=zh")
    wait_done(page)
    assert page.locator("h1").first.inner_text() == "贸易与消费"
    growth = page.locator("[data-testid=stPlotlyChart]").first
    assert growth.locator(".gtitle").text_content() == "2020年同比增速"
    assert growth.locator(".xtitle").text_content() == "同比增速(%)"
    page.locator(".st-key-language_bar").get_by_text("English", exact=True).click()
    page.wait_for_url("**/trade?lang=en*")
    wait_done(page)
    assert page.locator("h1").first.inner_text() == "Trade & consumption"
    growth = page.locator("[data-testid=stPlotlyChart]").first
    assert growth.locator(".gtitle").text_content() == "Growth in 2020, year on year"
    assert growth.locator(".xtitle").text_content() == "Growth (%)"
    assert "Exports to ASEAN, growth" in growth.locator(".main-svg").first.text_content()


def test_language_stays_when_moving_between_pages(server, page):
    page.goto(f"{server}/economy?lang=en")
    wait_done(page)
    page.locator("[data-testid=stSidebarNav]").get_by_text("Livelihood").click()
    page.wait_for_url("**/livelihood*")
    wait_done(page)
    assert page.locator("h1").first.inner_text() == "Livelihood"
    assert "lang=en" in page.url


@pytest.mark.parametrize("scheme, background", [("light", "rgb(255, 255, 255)"), ("dark", "rgb(15, 20, 25)")])
def test_light_and_dark_themes_render(server, browser, scheme, background):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{server}/economy?lang=en")
    wait_done(page)
    colour = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
    assert colour == background
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, f"economy_{scheme}")
    context.close()


def test_source_link_scrolls_to_the_sentence(server, page):
    page.goto(f"{server}/source?lang=en&id=fdi_target_2021")
    wait_done(page)
    focus = page.locator("#report-focus")
    focus.wait_for()
    page.wait_for_function("() => { const r = document.getElementById('report-focus').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=10_000)
    assert "USD 180 million" in focus.inner_text()  # the English text: 18000万美元
    first = page.locator("details.fact .fact-line").first.text_content()
    assert first.startswith("Gross domestic product (GDP) = over CNY 66.0 bn")


def open_tab(page, label: str, view: str) -> None:
    """Click a view tab and wait until its ?view= is in the URL and the rerun has finished."""
    page.locator("[data-testid=stTabs] [role=tab]").get_by_text(label, exact=True).click()
    page.wait_for_url(f"**view={view}*")
    wait_done(page)


def selected_tab(page) -> str:
    return page.locator("[data-testid=stTab][aria-selected=true]").inner_text()


def test_view_tabs_draw_their_charts_keep_the_url_and_survive_a_language_switch(server, page):
    page.goto(f"{server}/economy?lang=en")
    wait_done(page)
    tabs = page.locator("[data-testid=stTabs] [role=tab]")
    assert [tabs.nth(i).inner_text() for i in range(tabs.count())] == [
        "Growth and rates", "Results vs targets", "Levels", "Derived figures", "Table of all figures"]
    for label, view, title in (("Results vs targets", "targets", "2020 result vs 2021 target"),
                               ("Levels", "levels", "2020 amounts (Jan–Nov where marked)")):
        open_tab(page, label, view)
        chart = page.locator("[data-testid=stTabPanel]:visible [data-testid=stPlotlyChart]").first
        chart.locator(".trace.bars .point path").first.wait_for()
        assert chart.locator(".gtitle").text_content() == title
    page.locator(".st-key-language_bar").get_by_text("中文", exact=True).click()
    page.wait_for_url("**lang=zh*")
    wait_done(page)
    assert "view=levels" in page.url
    chart = page.locator("[data-testid=stTabPanel]:visible [data-testid=stPlotlyChart]").first
    chart.locator(".trace.bars .point path").first.wait_for()
    assert chart.locator(".gtitle").text_content() == "2020年总量(1-11月者已标注)"
    screenshot(page, "economy_levels_zh")


def test_a_page_left_and_revisited_opens_the_first_tab_like_its_url(server, page):
    page.goto(f"{server}/trade?lang=en&view=derived")
    wait_done(page)
    open_tab(page, "Levels", "levels")
    page.locator("[data-testid=stSidebarNav]").get_by_text("Economy").click()
    page.wait_for_url("**/economy*")
    wait_done(page)
    assert "view=" not in page.url
    page.locator("[data-testid=stSidebarNav]").get_by_text("Trade & consumption").click()
    page.wait_for_url("**/trade*")
    wait_done(page)
    assert "view=" not in page.url
    assert selected_tab(page) == "Growth and rates"


def test_table_tab_filters_rows_into_a_url_that_opens_the_same_table(server, page):
    page.goto(f"{server}/trade?lang=en")
    wait_done(page)
    open_tab(page, "Table of all figures", "table")
    table = "[role=tabpanel] .jb-table tbody tr"  # the view's table, not the glossary above the tabs
    everything = page.locator(table).count()
    page.locator("[data-testid=stMultiSelect]").filter(has_text="Kind").click()
    page.get_by_role("option", name="2021 target").click()
    page.wait_for_url("**kind=target*")
    wait_done(page)
    kinds = page.locator(f"{table} td:nth-child(7)").all_inner_texts()  # Kind, after As reported, Year and Period
    assert 0 < len(kinds) < everything and set(kinds) == {"2021 target"}

    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    wait_done(page)
    assert selected_tab(page) == "Table of all figures"
    assert page.locator(f"{table} td:nth-child(7)").all_inner_texts() == kinds


def test_terms_used_open_with_the_keyboard_and_explain_the_page_terms(server, page):
    page.goto(f"{server}/economy?lang=en")
    wait_done(page)
    summary = page.locator("[data-testid=stExpander] summary").filter(has_text="Terms used on this page")
    assert summary.count() == 1
    terms = page.locator(".jb-glossary")
    assert not terms.is_visible()  # closed until asked for
    summary.focus()
    page.keyboard.press("Enter")
    terms.wait_for(state="visible")
    text = terms.inner_text()
    assert "增容调绿" in text and "green-space ratio" in text and "above designated size" in text
