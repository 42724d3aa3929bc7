"""Headline cards as one block of HTML: per series, the result, its growth, next year's target and the quotes.

One st.html element instead of a grid of st.metric: the browser drew about thirty Streamlit elements for eight
metric cards (rows, columns, bordered containers, metrics, captions), which made a topic page's cold load about
a tenth slower (benchmarks/RESULTS.md). The text is escaped here; st.html sanitises it again.
"""

from __future__ import annotations

import html

import pandas as pd

from jiangbei.i18n import bounded, format_change, format_value, t
from jiangbei.tables import period_label

STYLE = """<style>
.jb-cards {display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 0.75rem;}
.jb-card {border: 1px solid rgba(128,128,128,0.3); border-radius: 0.5rem; padding: 0.75rem 1rem;}
.jb-card p {margin: 0;}
.jb-card .label {font-weight: 600; font-size: 0.9rem;}
.jb-card .value {font-size: 1.6rem; line-height: 1.3; margin: 0.2rem 0;}
.jb-card .delta {font-size: 0.9rem; font-weight: 600;}
.jb-card .good {color: #21A353;}
.jb-card .bad {color: #D8483A;}
.jb-card .note {font-size: 0.8rem; opacity: 0.75; margin-top: 0.3rem;}
</style>"""


def card(c: dict, lang: str) -> dict[str, str | None]:
    """One series' card as text: label, value, delta (growth), delta_tone (good/bad), target line and quotes."""
    value = format_value(c["value"], c["unit"], c["unit_en"], lang, int(c["value_decimals"]))
    value = bounded(value, c["qualifier"], c["bound"], lang)  # "over 150 firms" is not "150 firms"
    if c["period"] != "full_year":  # Jan-Nov revenue is not the year's
        value = t("card_period", lang, value=value, period=period_label(c["period"], c["stock_flow"], lang))
    delta = tone = None
    if pd.notna(c["growth_value"]):
        delta = format_change(c["growth_value"], lang, int(c["growth_decimals"]))
        rising = c["growth_value"] >= 0
        tone = "good" if rising != (c["direction"] == "down") else "bad"  # a falling unemployment rate is good
        delta = f"{'▲' if rising else '▼'} {delta}"
        if c["growth_price_basis"] == "comparable":  # GDP and value added grow in real terms, revenue nominally
            delta = t("growth_real", lang, change=delta)
    if pd.notna(c["target_value"]):
        decimals = int(c["target_decimals"])
        if c["target_measure"] == "yoy_growth_pct":
            target = format_change(c["target_value"], lang, decimals)
        else:
            target = format_value(c["target_value"], c["target_unit"], c["target_unit_en"], lang, decimals)
        target_line = t("target_2021", lang, value=bounded(target, c["target_qualifier"], c["target_bound"], lang,
                                                           keep_words=True))
    else:
        target_line = t("no_target", lang)
    quotes = [c["source_quote"]] + ([c["target_quote"]] if pd.notna(c["target_quote"]) else [])
    return {"label": c[f"indicator_{lang}"], "value": value, "delta": delta, "delta_tone": tone,
            "target": target_line, "quotes": " · ".join(f"“{q}”" for q in quotes)}


def cards_html(cards: pd.DataFrame, lang: str) -> str:
    """The cards of a series_cards query result, as a list the browser lays out in as many columns as fit."""
    items = []
    for c in cards.to_dict("records"):
        shown = {k: html.escape(v) if isinstance(v, str) else v for k, v in card(c, lang).items()}
        delta = f'<p class="delta {shown["delta_tone"]}">{shown["delta"]}</p>' if shown["delta"] else ""
        items.append(f'<div class="jb-card" role="listitem"><p class="label">{shown["label"]}</p>'
                     f'<p class="value">{shown["value"]}</p>{delta}'
                     f'<p class="note">{shown["target"]}<br>{shown["quotes"]}</p></div>')
    return STYLE + f'<div class="jb-cards" role="list">{"".join(items)}</div>'
