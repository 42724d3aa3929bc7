"""The source page by keyboard and in dark mode, in Chromium: marked numbers are reachable with Tab and open with
Enter; the marks, the focused sentence and the details card keep >= 4.5:1 text contrast in light and dark."""

import re

import pytest

from tests.browser.conftest import wait_done

FOCUSED_FACT = "() => !!document.activeElement && document.activeElement.matches('details.fact > summary')"


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def parse(css: str) -> tuple[float, float, float]:
    """rgb()/rgba() as Chromium computes it; a colour must be opaque, so the pair measured is the pair seen."""
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    assert len(parts) == 3 or parts[3] == 1, f"translucent colour {css}"
    return parts[0], parts[1], parts[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(parse(a)), luminance(parse(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_tab_reaches_a_marked_number_and_enter_opens_its_details(server, page):
    page.goto(f"{server}/source?lang=en")
    wait_done(page)
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_FACT):
            break
    assert page.evaluate(FOCUSED_FACT), "Tab never reached a marked number"
    fact = page.locator("#" + page.evaluate("() => document.activeElement.parentElement.id"))
    card = fact.locator(".fact-card")
    assert fact.get_attribute("open") is None and not card.is_visible()
    page.keyboard.press("Enter")
    assert fact.get_attribute("open") is not None
    card.wait_for(state="visible")
    assert "(2020, 2020 result)" in card.inner_text() and "Chinese original" in card.inner_text()
    box, summary = card.bounding_box(), fact.locator("summary").bounding_box()
    assert box["y"] >= summary["y"] + summary["height"] - 1 and box["x"] + box["width"] <= 1400  # below, on screen
    page.keyboard.press("Tab")  # into the card: its first link, to the sentence
    focused_href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused_href.startswith("source?id=") and "&lang=en&text=en" in focused_href
    assert card.locator("a[href^='explorer?q=']").count() == 1
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # Enter on the number again closes it
    assert fact.get_attribute("open") is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marks_and_focus_are_readable_in_both_schemes(browser, server, scheme):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme=scheme, locale="en-US")
    page = context.new_page()
    page.goto(f"{server}/source?lang=en&text=both&id=gdp_2020")
    wait_done(page)
    page.locator("details.fact summary").first.click()
    styles = page.evaluate("""() => {
      const pick = (sel) => { const e = document.querySelector(sel); const s = getComputedStyle(e);
        return {color: s.color, background: s.backgroundColor, line: s.textDecorationLine}; };
      return {app: getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor,
              mark: pick('.report details.fact > summary mark'),
              open: pick('.report details.fact[open] > summary mark'),
              focus: pick('.report .focus'), card: pick('.report .fact-card'),
              link: pick('.report .fact-card a'), para: pick('.report .para')};
    }""")
    app = luminance(parse(styles["app"]))
    assert (app < 0.05) if scheme == "dark" else (app > 0.9), f"{scheme} scheme not in effect: {styles['app']}"
    for name in ("mark", "open", "focus", "card"):
        assert contrast(styles[name]["color"], styles[name]["background"]) >= 4.5, (name, styles[name])
    assert contrast(styles["link"]["color"], styles["card"]["background"]) >= 4.5
    assert contrast(styles["para"]["color"], styles["app"]) >= 4.5
    assert styles["mark"]["line"] == "underline"  # not colour alone
    assert styles["link"]["line"] == "underline"
    context.close()
