"""The colours (presentation.theme): every pair the app draws meets WCAG 2.1 AA in both themes, and the palettes
are the ones .streamlit/config.toml gives Streamlit."""

import tomllib

import pytest

from jiangbei.presentation import theme
from tests.conftest import ROOT


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palettes_are_the_themes_of_config_toml(scheme):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"][scheme]
    palette = theme.PALETTES[scheme]
    assert (config["backgroundColor"], config["secondaryBackgroundColor"], config["textColor"]) == \
        (palette.background, palette.secondary_background, palette.text)
    # Text on the primary colour (buttons, selected filter chips) is readable.
    assert theme.contrast(palette.on_primary, config["primaryColor"]) >= 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_has_4_5_and_graphics_3_to_1_contrast(scheme):
    p = theme.PALETTES[scheme]
    for background in (p.background, p.secondary_background):
        for text in (p.text, p.muted, p.good, p.bad):
            assert theme.contrast(text, background) >= 4.5, (scheme, text, background)
    for graphic in (p.grid, p.focus, *theme.SERIES.values()):
        assert theme.contrast(graphic, p.background) >= 3, (scheme, graphic)


def test_bar_colours_hold_white_labels_and_differ_for_colour_blind_readers():
    for colour in theme.SERIES.values():
        assert theme.contrast(theme.ON_SERIES, colour) >= 4.5, colour
    assert len(set(theme.SERIES.values())) == len(theme.SERIES)


def test_contrast_matches_wcag_reference_values():
    assert theme.contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert theme.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey on white


def test_css_gives_each_colour_for_both_schemes():
    css = theme.css()
    for field in ("text", "muted", "grid", "good", "bad", "focus", "secondary_background", "on_primary"):
        assert f"light-dark({getattr(theme.LIGHT, field)}, {getattr(theme.DARK, field)})" in css
