"""Charts drawn by Chromium at a phone's, a tablet's and a desktop's width: no title, annotation, axis title,
legend, category label or text label overprints another (bounding boxes read from plotly's SVG), and every
chart is drawn."""

import pytest

from tests.browser.conftest import screenshot, wait_done

WIDTHS = [390, 768, 1400]
# Pages with charts, each view that draws a different kind: bars, small multiples, flows and stocks, dumbbells.
URLS = ["?lang=en", "targets?lang=en", "targets?lang=zh", "targets?lang=en&family=flow", "targets?lang=zh&family=rate",
        "economy?lang=en", "economy?lang=en&view=targets",
        "economy?lang=zh&view=levels", "trade?lang=en&view=targets", "livelihood?lang=zh"]

# Every text element of a chart that must stand clear of the others, as plotly's SVG classes them.
OVERLAPS = """(chart) => {
  const selector = '.gtitle, .annotation, .xtitle, .ytitle, .textpoint text, text.bartext, g.legend, .ytick text';
  const boxes = [...chart.querySelectorAll(selector)].map(e => {
    const r = e.getBoundingClientRect();
    return {what: e.getAttribute('class') + ' "' + (e.textContent || '').slice(0, 40) + '"',
            left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  }).filter(b => b.right - b.left > 0.5 && b.bottom - b.top > 0.5);
  const clash = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) clash.push(a.what + ' × ' + b.what);
    }
  }
  const frame = chart.getBoundingClientRect();
  const outside = boxes.filter(b => b.left < frame.left - 1 || b.right > frame.right + 1).map(b => b.what);
  return {count: boxes.length, clash: clash, outside: outside};
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", URLS)
def test_chart_texts_do_not_overprint(server, browser, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{server}/{path}")
        wait_done(page)
        charts = page.locator("[data-testid=stPlotlyChart]:visible")
        assert charts.count() >= 1, "no chart drawn"
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            found = chart.evaluate(OVERLAPS)
            assert found["count"] >= 3, f"chart {i}: too few texts read ({found['count']})"
            assert found["clash"] == [], f"chart {i} at {width}px: {found['clash'][:5]}"
            assert found["outside"] == [], f"chart {i} at {width}px cuts off: {found['outside'][:5]}"
        name = path.replace("?", "_").replace("&", "_").replace("=", "-") or "overview"
        screenshot(page, f"layout_{name}_{width}")
    finally:
        context.close()


MODEBAR_AND_TITLE = """(chart) => { const m = chart.querySelector('.modebar'), t = chart.querySelector('.gtitle');
  if (!m || !t) return null; const a = m.getBoundingClientRect(), b = t.getBoundingClientRect();
  return Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
}"""


@pytest.mark.parametrize("path", ["targets?lang=zh", "?lang=en", "economy?lang=zh&view=targets"])
def test_on_a_phone_the_mode_bar_leaves_the_title_clear(server, browser, path):
    """A tap shows plotly's mode bar at the chart's top right: on a phone it must not cover a title that runs
    across the whole width (one or two lines)."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{server}/{path}")
        wait_done(page)
        charts = page.locator("[data-testid=stPlotlyChart]:visible")
        assert charts.count() >= 1
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            chart.hover()
            page.wait_for_timeout(300)
            assert chart.evaluate(MODEBAR_AND_TITLE) is False, f"chart {i}: the mode bar covers the title"
    finally:
        context.close()
