"""Colours of the app in light and dark, chosen for WCAG 2.1 AA contrast, and the CSS that applies them.

Streamlit defines no CSS variables for its theme (its bundle has none for colours), but it sets `color-scheme`
on the app to the active theme's scheme, so CSS `light-dark(a, b)` picks the right colour of each pair, and
follows a change made in Streamlit's settings menu without a rerun. The backgrounds and text colours below are
those of .streamlit/config.toml ([theme.light] and [theme.dark]); tests/presentation/test_theme.py checks every
contrast.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    background: str  # config.toml backgroundColor
    secondary_background: str  # config.toml secondaryBackgroundColor: table headers
    text: str  # config.toml textColor: body text, chart text, table headers
    muted: str  # captions and notes: >= 4.5:1 on both backgrounds
    grid: str  # chart gridlines and borders: >= 3:1 against the background
    good: str  # a change for the better (always with ▲/▼ beside it)
    bad: str  # a change for the worse
    focus: str  # the keyboard focus ring: >= 3:1
    on_primary: str  # text on a primary button or a selected chip


LIGHT = Palette(background="#FFFFFF", secondary_background="#F2F5F9", text="#1B1F24", muted="#4D5661",
                grid="#8A9099", good="#1A7F37", bad="#C62828", focus="#0B5CAD", on_primary="#FFFFFF")
DARK = Palette(background="#0F1419", secondary_background="#1B232C", text="#E6EAEE", muted="#B3BCC6",
               grid="#66707B", good="#4CC38A", bad="#FF8A80", focus="#8CC4FF", on_primary="#0F1419")
PALETTES = {"light": LIGHT, "dark": DARK}

# Bar colours of the charts: the Okabe–Ito colour-blind-safe hues, darkened to a luminance of about 0.16, so each
# is >= 3:1 against both themes' backgrounds and holds white text inside a bar at >= 4.5:1. One set serves both
# schemes because a chart figure is built once and shared by every session (jiangbei.app.figures).
SERIES = {
    "result": "#0074B6",  # Okabe–Ito blue
    "target": "#B85100",  # Okabe–Ito vermillion
    "decline": "#B74584",  # Okabe–Ito reddish purple: a fall, or a plan missed
    "plan": "#6F6F6F",  # grey: shares and rates without a plan, the 100% plan line
}
ON_SERIES = "#FFFFFF"  # text inside a bar


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of #RRGGBB."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _pair(field: str) -> str:
    return f"light-dark({getattr(LIGHT, field)}, {getattr(DARK, field)})"


def css() -> str:
    """One style sheet for every page: theme colours for the app's own HTML, chart text, captions, the focus ring,
    and the layout on phones (390 px) and tablets (768 px)."""
    return f"""<style>
.stApp {{--jb-text: {_pair("text")}; --jb-muted: {_pair("muted")}; --jb-grid: {_pair("grid")};
  --jb-good: {_pair("good")}; --jb-bad: {_pair("bad")}; --jb-focus: {_pair("focus")};
  --jb-header-bg: {_pair("secondary_background")}; --jb-on-primary: {_pair("on_primary")};}}
/* Streamlit draws captions at 60% opacity of the text colour (4.37:1 on white). */
[data-testid=stCaptionContainer] {{opacity: 1 !important;}}
[data-testid=stCaptionContainer], [data-testid=stCaptionContainer] p {{color: var(--jb-muted) !important;}}
/* Chart text in the theme's text colour (Streamlit's chart theme greys it to 3.7:1); not the hover box or
   the white text inside a bar. */
.stPlotlyChart .main-svg text:not(.bartext-inside):not(.hoverlayer *) {{fill: var(--jb-text) !important;}}
.stPlotlyChart .gridlayer path {{stroke: var(--jb-grid) !important; stroke-opacity: 1 !important;}}
.stPlotlyChart .zerolinelayer path {{stroke: var(--jb-text) !important;}}
/* Text on the primary colour: white on the light theme's blue, dark on the dark theme's light blue. */
button[kind=primary], button[kind=primary] p, [data-tag], [data-tag] span {{color: var(--jb-on-primary) !important;}}
[data-tag] svg {{fill: var(--jb-on-primary) !important;}}
/* A visible keyboard focus ring on everything that takes focus. */
.stApp a:focus-visible, .stApp button:focus-visible, .stApp [role=tab]:focus-visible, .stApp summary:focus-visible,
.stApp input:focus-visible, .stApp textarea:focus-visible, .stApp [tabindex]:focus-visible {{
  outline: 3px solid var(--jb-focus) !important; outline-offset: 2px;}}
/* Phones: the page uses the whole width; headings and tabs wrap instead of being cut. */
@media (max-width: 640px) {{
  .stMainBlockContainer {{padding-left: 0.75rem; padding-right: 0.75rem;}}
  [data-testid=stTabs] [role=tablist] {{flex-wrap: wrap;}}
}}
</style>"""
