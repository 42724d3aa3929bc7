"""Headline cards as one block of HTML: per series, the result, its growth, next year's target and the quotes.

One st.html element instead of a grid of st.metric: the browser drew about thirty Streamlit elements for eight
metric cards (rows, columns, bordered containers, metrics, captions), which made a topic page's cold load about
a tenth slower (benchmarks/RESULTS.md). The text is escaped here; st.html sanitises it again.
"""

from __future__ import annotations

import pandas as pd

from jiangbei.presentation.i18n import TEXT, lang_html, notes_text, t
from jiangbei.presentation.numbers import (
    basis_label,
    figure_text,
    format_change,
    format_value,
    period_from_paragraph,
    priced,
)

# Colours are presentation.theme's variables (light and dark). The growth line has no good/bad colour: ▲/▼ and the
# sign say only which way the figure moved on a year earlier, which is no verdict on the year (GDP grew and missed
# its plan; faster loan growth is not "better"). Verdicts come from the report: the plan line. On phones two
# compact cards share a row.
STYLE = """<style>
.jb-cards {display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 0.75rem;}
.jb-card {border: 1px solid var(--jb-grid, #8A9099); border-radius: 0.5rem; padding: 0.75rem 1rem;}
.jb-card p {margin: 0;}
.jb-card .label {font-weight: 600; font-size: 0.9rem;}
.jb-card .value {font-size: 1.6rem; line-height: 1.3; margin: 0.2rem 0; overflow-wrap: anywhere;}
.jb-card .delta {font-size: 0.9rem; font-weight: 600;}
.jb-card .note, .jb-card details {font-size: 0.8rem; color: var(--jb-muted, #4D5661); margin-top: 0.3rem;}
.jb-card summary {cursor: pointer;}
.jb-card details.original summary {text-decoration: underline;}
.jb-card .jb-sr {position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);}
@media (max-width: 640px) {
  .jb-cards {grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5rem;}
  .jb-card {padding: 0.5rem 0.6rem;}
  .jb-card .label {font-size: 0.8rem;}
  .jb-card .value {font-size: 1.15rem;}
  .jb-card .delta {font-size: 0.8rem;}
}
</style>"""


def card(c: dict, lang: str) -> dict[str, str | None]:
    """One series' card as text: label, value, delta (growth on a year earlier), target line and quotes.

    Every figure is written by numbers.figure_text: its bound ("over 150 firms" is not "150 firms"), its period
    (Jan-Nov revenue is not the year's), and for a growth rate "year on year" and its price basis."""
    value = figure_text(c["value"], c["unit"], c["unit_en"], lang, decimals=c["value_decimals"],
                        measure=c["measure"], qualifier=c["qualifier"], bound=c["bound"], period=c["period"],
                        stock_flow=c["stock_flow"], price_basis=c["price_basis"],
                        period_from_paragraph=period_from_paragraph(c))
    delta = None
    if pd.notna(c["growth_value"]):
        delta = format_change(c["growth_value"], lang, int(c["growth_decimals"]))
        delta = f"{'▲' if c['growth_value'] >= 0 else '▼'} {delta}"
        if priced(c["growth_price_basis"]):  # real (GDP, value added) or nominal (revenue), or not stated
            delta = t("growth_with_basis", lang, change=delta, basis=basis_label(c["growth_price_basis"], lang, True))
    if pd.notna(c["target_value"]):
        target = figure_text(c["target_value"], c["target_unit"], c["target_unit_en"], lang,
                             decimals=c["target_decimals"], measure=c["target_measure"],
                             qualifier=c["target_qualifier"], bound=c["target_bound"],
                             price_basis=c.get("target_price_basis"), keep_words=True)
        target_line = t("target_2021", lang, value=target)
    elif f"qualitative_target_{c['series']}" in TEXT:  # the report sets it in words only: say so, with its words
        target_line = t("qualitative_target", lang, sentence=t(f"qualitative_target_{c['series']}", lang))
    else:
        target_line = t("no_target", lang)
    # How the year did against its plan, beside the figure and not only in a list: from the completion rate (FDI
    # 67.3% of plan: missed) or the report's words (GDP 难以完成年度目标), one rule (series_summary.plan_outcome)
    verdict = c.get("plan_outcome")
    if isinstance(verdict, str) and verdict:
        said = t(f"plan_verdict_{verdict}", lang)
        if pd.notna(c.get("plan_completion_pct")):
            rate = format_value(c["plan_completion_pct"], "%", "%", lang, int(c["plan_completion_decimals"]))
            said = t("plan_verdict_with_rate", lang, verdict=said, rate=rate)
        target_line = f"{said} · {target_line}"
    quotes, originals = card_quotes(c, lang)
    note = notes_text([c.get("note")], lang)
    if note:  # the caveats (newly counted e-commerce firms …) travel with the figure
        quotes = f"{quotes} — {t('col_note', lang)}: {note}"
    return {"label": c[f"indicator_{lang}"], "value": value, "delta": delta,
            "target": target_line, "quotes": quotes, "original": originals, "quotes_title": t("card_quotes", lang)}


def card_quotes(c: dict, lang: str) -> tuple[str, str | None]:
    """The card's sentences in lang and, in English, the Chinese originals they translate (else None)."""
    has_target = pd.notna(c.get("target_quote"))
    originals = [c["source_quote"]] + ([c["target_quote"]] if has_target else [])
    joined = " · ".join(f"“{q}”" for q in originals)
    english = [c.get("source_quote_en")] + ([c.get("target_quote_en")] if has_target else [])
    if lang == "zh" or not all(isinstance(q, str) and q for q in english):
        return joined, None
    return " · ".join(f"“{q}”" for q in english) + f" ({t('quote_unofficial', lang)})", joined


def cards_html(cards: pd.DataFrame, lang: str) -> str:
    """The cards of a series_cards query result, as a list the browser lays out in as many columns as fit."""
    items = []
    for c in cards.to_dict("records"):
        shown = {k: lang_html(v, lang) if isinstance(v, str) else v for k, v in card(c, lang).items()}
        delta = f'<p class="delta">{shown["delta"]}</p>' if shown["delta"] else ""
        original = (f'<details class="original"><summary>{lang_html(t("quote_original", lang), lang)}</summary>'
                    f'<p class="original" lang="zh">{shown["original"]}</p></details>') if shown["original"] else ""
        # The quotes are folded away, so a phone shows the figures first; a click or Enter opens them.
        items.append(f'<div class="jb-card" role="listitem"><p class="label">{shown["label"]}</p>'
                     f'<p class="value">{shown["value"]}</p>{delta}<p class="note">{shown["target"]}</p>'
                     f'<details><summary>{shown["quotes_title"]}<span class="jb-sr">: {shown["label"]}</span></summary>'
                     f'<p class="quotes">{shown["quotes"]}</p>{original}'
                     '</details></div>')
    return STYLE + f'<div class="jb-cards" role="list">{"".join(items)}</div>'
