"""What a screen reader gets from the explorer grid: glide draws the grid on a canvas and mirrors the rows in view in
a DOM table (role=grid), whose cells say each cell's data. On a phone that table holds only the columns on screen:
Indicator, Value and Unit. Every row must say there what the canvas shows: its period, bound and written decimals."""

import pytest

from jiangbei.app.explorer import View
from jiangbei.app.ui import GRID_ROW_HEIGHT
from jiangbei.core import store
from jiangbei.presentation import tables
from jiangbei.presentation.i18n import t
from jiangbei.presentation.numbers import BOUND_MARKS, format_number
from tests.browser.conftest import APP_DONE

GRID = "[data-testid=stDataFrame]"
# Each row of the accessibility table by its aria-rowindex (the header is 1, the grid's first row 2), cells' text.
ROWS_IN_VIEW = """() => Object.fromEntries([...document.querySelectorAll('table[role=grid] tbody tr')]
  .map(r => [Number(r.getAttribute('aria-rowindex')) - 2, [...r.querySelectorAll('td')].map(c => c.textContent)]))"""
SCROLL = "(top) => { document.querySelector('[data-testid=stDataFrame] .dvn-scroller').scrollTop = top; }"
# True once the accessibility table holds every row of a range (as the view scrolls, glide redraws it).
MIRRORED = """([first, last]) => [...Array(last - first + 1).keys()]
  .every(k => document.querySelector(`table[role=grid] tbody tr[aria-rowindex='${first + k + 2}']`))"""


def accessible_rows(page, count: int) -> dict[int, list[str]]:
    """Every row of the grid as its accessibility table says it, scrolling the grid (it mirrors only the rows in
    view)."""
    page.wait_for_selector("table[role=grid] td[role=gridcell]", state="attached", timeout=30_000)
    read: dict[int, list[str]] = {}
    for first in range(0, count, 4):
        page.evaluate(SCROLL, first * GRID_ROW_HEIGHT)
        page.wait_for_function(MIRRORED, arg=[min(first, count - 4), min(first + 3, count - 1)], timeout=10_000)
        read |= page.evaluate(ROWS_IN_VIEW)
        if len(read) >= count:
            break
    return {int(k): v for k, v in read.items()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_phone_screen_reader_hears_each_figure_as_the_grid_shows_it(browser, server, con, lang):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(f"{server}/explorer?lang={lang}")  # every indicator, in the report's order
        page.wait_for_selector(APP_DONE, timeout=60_000)
        every = store.run_query(con, "explorer_rows", **View().query_params(lang))  # the page's own rows
        read = accessible_rows(page, len(every))
        heads = page.evaluate("() => [...document.querySelectorAll('table[role=grid] thead th')]"
                              ".map(h => h.textContent)")
    finally:
        page.close()
    assert heads == [tables.header(c, lang) for c in ("indicator", "value", "unit")]  # what a phone shows
    assert sorted(read) == list(range(len(every)))
    shown = tables.shown_values(every, lang)
    periods = tables.period_labels(every, lang)
    full_year = t("period_full_year", lang)
    bounded = 0
    for i, row in enumerate(every.to_dict("records")):
        name, value, unit = read[i]
        text = " ".join(read[i])
        if shown["value"][i] == shown["value"][i]:  # the figure as the canvas draws it (the Styler's text)
            written = BOUND_MARKS.get(row["bound"], "") + format_number(shown["value"][i], lang,
                                                                        int(shown["decimals"][i]))
            assert written in text or written.replace(",", "") == value, (text, written)
            if row["bound"] != "exact":
                bounded += 1
                assert BOUND_MARKS[row["bound"]] in text, text
        if periods[i] != full_year:  # the period, in the Period column's words, beside the name
            assert periods[i].lower() in name.lower(), (name, periods[i])
    assert bounded == (every["bound"] != "exact").sum() > 0
