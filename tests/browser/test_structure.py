"""Screen-reader structure in a real browser: each page one h1 and its sections' headings in order with no level
skipped, in both languages; a chart is a figure named by its summary sentence, its SVG (every tick label as text)
hidden from assistive tech while the summary and the chart's data table stay."""

import pytest

from tests.browser.conftest import wait_done
from tests.browser.test_accessibility import PAGES

# The levels of the visible headings of the page's main part, in document order.
HEADINGS = """() => [...document.querySelectorAll('[data-testid=stMain] :is(h1,h2,h3,h4,h5,h6)')]
  .filter(h => h.getClientRects().length && h.textContent.trim())
  .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_has_one_h1_and_headings_in_order(server, page, path, lang):
    page.goto(f"{server}/{path}?lang={lang}")
    wait_done(page)
    headings = page.evaluate(HEADINGS)
    levels = [level for level, _ in headings]
    assert levels and levels[0] == 1 and levels.count(1) == 1, headings
    skipped = [(a, b) for a, b in zip(headings, headings[1:]) if b[0] > a[0] + 1]
    assert skipped == [], skipped


# Per chart: its role and name, its summary caption, whether any of its SVGs is exposed, and its tick labels.
CHARTS = """() => [...document.querySelectorAll('[class*="st-key-chartbox_"]')].map(box => {
  const plot = box.querySelector('[data-testid=stPlotlyChart]');
  return {role: plot.getAttribute('role'), name: plot.getAttribute('aria-label'),
          summary: box.querySelector('[data-testid=stCaptionContainer]').textContent.trim(),
          exposed: [...plot.querySelectorAll('svg.main-svg')].filter(s => s.getAttribute('aria-hidden') !== 'true')
                     .length,
          ticks: [...plot.querySelectorAll('.xtick text, .ytick text')].map(t => t.textContent.trim())
                     .filter(t => t.length > 2)};
})"""


@pytest.mark.parametrize("path, lang", [("economy", "en"), ("trade", "zh"), ("targets", "en")])
def test_charts_expose_their_summary_not_their_tick_labels(server, page, path, lang):
    page.goto(f"{server}/{path}?lang={lang}")
    wait_done(page)
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
                           ".every(p => p.getAttribute('aria-label'))", timeout=10_000)
    charts = page.evaluate(CHARTS)
    assert charts
    tree = page.locator("[data-testid=stMain]").aria_snapshot()
    # the check below has category labels to look for (a dumbbell's axis holds only short numbers)
    assert path == "targets" or sum(len(chart["ticks"]) for chart in charts) > 0
    for chart in charts:
        assert chart["role"] == "figure" and chart["name"] == chart["summary"] and chart["exposed"] == 0, chart
        assert chart["summary"][:40] in tree
        # A tick label is in the tree only where the page writes it elsewhere too (the summary or a table).
        hidden_ticks = [tick for tick in chart["ticks"] if tick not in chart["summary"]]
        assert all(f"text: {tick}" not in tree and f"- text: \"{tick}\"" not in tree for tick in hidden_ticks)
    # the chart's data table stays available to assistive tech, under its expander
    assert page.locator("[data-testid=stExpander] summary").count() >= len(charts)
