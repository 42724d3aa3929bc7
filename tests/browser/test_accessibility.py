"""WCAG 2.1 AA in the browser: axe-core over every page in both languages and both themes, the document's
language and title, the keyboard alone, and phones."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from jiangbei.presentation.i18n import t
from tests.browser.conftest import wait_done

# Each page's path and its name in the catalogs (page_<name>), which its <title> and h1 carry.
PAGES = {"": "overview", "targets": "targets", "economy": "economy", "investment": "investment", "trade": "trade",
         "livelihood": "livelihood", "explorer": "explorer", "sql": "sql", "source": "source", "about": "about"}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# The one exception: Streamlit's own sidebar navigation puts its links in <li> elements that are not inside a
# <ul> (axe rules "list" and "listitem"); that markup is Streamlit's, not the app's.
STREAMLIT_SIDEBAR_RULES = {"list", "listitem"}
IN_SIDEBAR_NAV = "(selector) => !!document.querySelector(selector)?.closest('[data-testid=stSidebarNav]')"
# Nodes that belong to a page another helper is changing: on /source the marked numbers (<mark id="fact-…">) and
# their dark-mode colours, and the report title's heading level, are branch `english`'s. Everything else on
# /source is checked like any page.
OWNED_BY_ENGLISH = "(selector) => !!document.querySelector(selector)?.closest('.report, [id^=fact-]')"

axe = Axe()


def serious_violations(page, path: str) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations, and any heading-order jump, one line per node,
    less the sidebar exception and /source's nodes owned by branch english."""
    results = axe.run(page, options=WCAG_21_AA).response["violations"]
    results += axe.run(page, options={"runOnly": {"type": "rule", "values": ["heading-order"]}}).response["violations"]
    found = []
    for violation in results:
        if violation["impact"] not in ("serious", "critical") and violation["id"] != "heading-order":
            continue
        for node in violation["nodes"]:
            selector = node["target"][0] if isinstance(node["target"][0], str) else None
            if violation["id"] in STREAMLIT_SIDEBAR_RULES and selector and page.evaluate(IN_SIDEBAR_NAV, selector):
                continue
            if path == "source" and selector and (page.evaluate(OWNED_BY_ENGLISH, selector)
                                                  or violation["id"] == "heading-order"):
                continue
            found.append(f"{violation['id']}: {node['target']} {node.get('failureSummary', '')[:200]}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_passes_axe_and_names_its_language_and_title(server, browser, path, lang, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{server}/{path}?lang={lang}")
        wait_done(page)
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.title() == f"{t('page_' + PAGES[path], lang)} · {t('app_title', lang)}"
        if lang == "en":  # the report's Chinese words on an English page are marked as Chinese
            chinese = page.locator("[data-testid=stMain] [lang=zh]")
            assert path not in ("", "economy") or chinese.count() > 0
        assert serious_violations(page, path) == []
    finally:
        context.close()


def focus_by_tab(page, matches: str, max_presses: int = 80) -> int:
    """Press Tab until the focused element satisfies the JS predicate `matches` (given the element); returns the
    number of presses, or fails."""
    for presses in range(1, max_presses + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({matches})(e); }}"):
            return presses
    raise AssertionError(f"Tab never reached {matches}")


def test_the_keyboard_alone_reaches_language_tabs_filters_downloads_and_sql(server, page):
    page.goto(f"{server}/trade?lang=zh")
    wait_done(page)
    # The language switch, near the top, a handful of presses after the sidebar's links: a radio group, where
    # the arrow keys move and Space chooses.
    focus_by_tab(page, "e => e.getAttribute('role') === 'radio' && !!e.closest('.st-key-language_bar')",
                 max_presses=15)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.wait_for_url("**lang=en*")
    wait_done(page)
    assert page.locator("h1").first.inner_text() == t("page_trade", "en")

    # A view tab: the open tab takes focus, the arrow keys (or Home and End) open the others.
    focus_by_tab(page, "e => e.getAttribute('role') === 'tab'")
    page.keyboard.press("End")
    page.wait_for_url("**view=table*")
    wait_done(page)

    # A filter: type into it and take the first match with Enter.
    focus_by_tab(page, "e => e.tagName === 'INPUT' && !!e.closest('[data-testid=stMultiSelect]')")
    page.keyboard.type("2021")
    page.keyboard.press("Enter")
    page.wait_for_url("**year=2021*")
    wait_done(page)
    years = page.locator(f".jb-table td[data-label='{t('col_year', 'en')}']").all_inner_texts()
    assert years and set(years) == {"2021"}

    # A download button, before the table's links.
    focus_by_tab(page, "e => e.tagName === 'BUTTON' && e.innerText.includes('CSV')", max_presses=30)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".csv")

    page.goto(f"{server}/sql?lang=en")
    wait_done(page)
    tables = page.locator("[data-testid=stDataFrame]")
    assert tables.count() == 1  # the default query ran on arrival: its answer, under Run
    focus_by_tab(page, "e => e.tagName === 'BUTTON' && e.innerText.includes('Run')")
    page.keyboard.press("Enter")
    page.wait_for_url("**sql=*")
    wait_done(page)
    assert tables.count() == 1  # the answer of the query run by the keyboard


def test_keyboard_focus_is_visible(server, page):
    page.goto(f"{server}/economy?lang=en")
    wait_done(page)
    focus_by_tab(page, "e => e.getAttribute('role') === 'tab'")
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert outline[0] == "solid" and outline[1] >= 2


@pytest.mark.parametrize("width", [390, 768])
def test_phones_and_tablets_get_the_switch_two_cards_a_row_and_readable_tables(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=width < 700,
                                  has_touch=width < 700)
    try:
        page = context.new_page()
        page.goto(f"{server}/trade?lang=en&view=table")
        wait_done(page)
        # The language switch is on the page itself, in view, with the sidebar closed.
        switch = page.locator("[data-testid=stMain]").get_by_role("radio", name="中文")
        assert switch.is_visible() and switch.bounding_box()["y"] < 300
        cards = page.locator(".jb-card")
        first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
        assert first["y"] == second["y"] and first["x"] < second["x"]  # two or more cards a row
        if width < 700:
            assert first["width"] < width / 2
            # Each table row is a block of "header: value" lines in the page's scroll, not a box of its own.
            assert page.evaluate("() => { const t = document.querySelector('.jb-table');"
                                 " return t.scrollHeight <= t.clientHeight + 1; }")
            assert page.locator(".jb-table td").first.evaluate("e => getComputedStyle(e).display") == "block"
        # Nothing is wider than the screen: no label or value is cut at the right edge.
        # (Charts draw their own canvas, the tab list scrolls sideways, the table's header row is for screen
        # readers only, and on a tablet a wide table scrolls sideways inside its own box.)
        overflow = page.evaluate(f"() => [...document.querySelectorAll('[data-testid=stMain] *')]"
                                 f".filter(e => e.getBoundingClientRect().right > {width} + 1 && !e.closest("
                                 f"'.stPlotlyChart, [data-testid=stTabs] [role=tablist], .jb-table thead')"
                                 f" && !(e.parentElement && e.parentElement.closest('.jb-table')))"
                                 f".map(e => e.tagName + '.' + e.className).slice(0, 5)")
        assert overflow == []
    finally:
        context.close()
