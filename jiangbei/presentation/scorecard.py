"""The 2021 targets scorecard as a reader sees it: status in words and a symbol, figures with unit, bound and
period, the distance with what it measures (rows of the target_scorecard table, queries/derived_tables/)."""

from __future__ import annotations

import pandas as pd

from jiangbei.core.schema import BOUND_WORDS, TOPICS
from jiangbei.presentation.i18n import notes_text, t
from jiangbei.presentation.numbers import (
    BOUND_MARKS,
    GROWTH_MEASURES,
    bound_mark,
    format_change,
    format_number,
    format_value,
    period_mark,
    signed_number,
)
from jiangbei.presentation.numbers import as_reported_words as reported

# Status codes in the order a reader scans them, each with its own symbol so colour is never the only signal
# (queries/derived_tables/target_scorecard.sql says when each applies). The unknowns and the missing baselines say
# why in their words.
STATUS_SYMBOLS = {
    "raise_pace": "▲", "hold_pace": "●", "ease_pace": "▼",
    "above_2020": "↑", "equal_2020": "=", "below_2020": "↓",
    "floor_below_2020": "⇣", "ceiling_above_2020": "⇡",
    "to_reach": "○", "met_already": "✓",
    "unknown_both_lower_bounds": "≥?", "unknown_both_upper_bounds": "≤?", "unknown_bounds_open": "?",
    "no_baseline": "∅", "no_baseline_period": "◔", "no_baseline_parts": "⊕",
}
STATUSES = list(STATUS_SYMBOLS)
# Statuses meaning "2020 already at or beyond the 2021 figure", by how the target is written: a level to reach, the
# 2020 figure itself, a floor below 2020, a ceiling above it.
ALREADY_SATISFIED = ["met_already", "equal_2020", "floor_below_2020", "ceiling_above_2020"]
# The bound marks a figure can carry, in the order the legend lists them.
BOUNDS = ["at_least", "at_most", "about"]
FAMILIES = ["growth", "flow", "rate", "stock"]
SORTS = ["report", "distance"]


def status_text(code: str, lang: str) -> str:
    """▲ Raise the pace / ▲ 提速."""
    return f"{STATUS_SYMBOLS[code]} {t(f'status_{code}', lang)}"


def legend_lines(df: pd.DataFrame, lang: str) -> list[str]:
    """The legend of the rows shown: each status that occurs (symbol, words, what it means), then each bound mark
    that occurs on a target, a 2020 figure or a distance (≥ at least …). Built from the data, so it never explains a
    symbol the page does not show."""
    present = set(df["status"]) if len(df) else set()
    lines = [f"{status_text(code, lang)}: {t(f'status_help_{code}', lang)}" for code in STATUSES if code in present]
    # These four all say 2020 already satisfies the 2021 figure; they differ only in how the target is written.
    # Said once where two or more show, so two insurance rates of one sentence do not seem judged apart.
    satisfied = [code for code in ALREADY_SATISFIED if code in present]
    if len(satisfied) >= 2:
        lines.append(t("status_help_already_satisfied", lang,
                       symbols=" ".join(STATUS_SYMBOLS[code] for code in satisfied)))
    marks = set()
    for column in ("target_bound", "baseline_bound", "distance_bound"):
        if column in df.columns:
            marks |= set(df[column].dropna())
    # each mark with the report's words that give it (schema.BOUND_WORDS, the table the validator reads too)
    comma = "、" if lang == "zh" else ", "
    lines += [t("bound_legend", lang, mark=BOUND_MARKS[b], bound=t(f"bound_{b}", lang),
                words=comma.join(BOUND_WORDS[b])) for b in BOUNDS if b in marks]
    return lines


def figure_text(value, unit: str, unit_en: str, decimals, bound: str | None, period: str | None, lang: str,
                stock_flow: str | None = None, measure: str | None = None) -> str:
    """One figure as written for a reader: ≥ 170 firms, 2.6% (year end), CNY 28.0 bn, a growth rate signed with the
    report's decimals (+8%, +3.4%); — when there is none."""
    if value is None or value != value:
        return "—"
    places = int(decimals) if decimals is not None and decimals == decimals else None
    if measure in GROWTH_MEASURES:
        shown = format_change(value, lang, places, yoy=False)
    else:
        shown = format_value(value, unit, unit_en, lang, places)
    return bound_mark(shown, bound) + period_mark(period, lang, stock_flow)


def row_figure(row, side: str, lang: str) -> str:
    """figure_text of one side (target, baseline) of a target_scorecard row."""
    return figure_text(row[f"{side}_value"], row["unit"], row["unit_en"], row[f"{side}_decimals"],
                       row[f"{side}_bound"], row[f"{side}_period"], lang, row["stock_flow"], row.get("measure"))


def derived_text(value, decimals, bound: str | None, unit: str, lang: str, signed_value: bool = True) -> str:
    """A derived figure as the data gives it: the value SQL rounded (load/macros.sql: places_for_error,
    round_bound), written with exactly its decimals, its sign, unit and bound mark (≥ +18%, +3.8 pp, ≤ +0.9 个百分点).
    The display never rounds again, so every page writes a derived figure the same way."""
    if value is None or value != value:
        return "—"
    places = int(decimals) if decimals == decimals and decimals is not None else 0
    if value == 0:  # no change: 0, not ±0 nor 0.0 (and ≥0 for a floor): one way to write "none", whatever the unit
        text = format_number(0, lang, 0)
    else:
        text = signed_number(value, lang, max(places, 0)) if signed_value else format_number(value, lang,
                                                                                            max(places, 0))
    if unit in ("%",):
        text += "%"
    elif unit:
        text += ("" if lang == "zh" else " ") + unit
    return bound_mark(text, bound)


def distance_unit(row: dict, lang: str) -> str:
    """The distance's unit from the data (distance_unit / distance_unit_en): pp for rates, % for implied growth."""
    return row["distance_unit"] if lang == "zh" else row["distance_unit_en"]


def distance_text(row: dict, lang: str) -> str:
    """The distance with its unit: +3.8 pp, +8.8%, −30 days; with its bound mark when it is one (≥ +18%); where
    the bounds leave it open, says so (gap unknown: both lower bounds)."""
    value = row["distance"]
    if value is None or value != value:
        reason = row.get("gap_unknown_reason")
        return t(f"gap_unknown_{reason}", lang) if isinstance(reason, str) else "—"
    if row["distance_kind"] == "gap" and row["unit"] != "%" and row["distance_unit"] == row["unit"]:
        # a gap in the figure's own unit, scaled for English readers like the figures beside it (CNY bn)
        magnitude = format_value(abs(value), row["unit"], row["unit_en"], lang, int(row["distance_decimals"]))
        text = ("+" if value > 0 else "−" if value < 0 else "") + magnitude
        return bound_mark(text, row["distance_bound"])
    return derived_text(value, row["distance_decimals"], row["distance_bound"], distance_unit(row, lang), lang)


def gap_text(row: dict, lang: str) -> str:
    """target − result as the data gives it (results_vs_targets or target_scorecard: gap, gap_decimals, gap_bound,
    gap_unit): +3.8 pp for rates, ≥+CNY 2.27 bn for amounts; "gap unknown (both lower bounds)" where no gap can be
    stated."""
    value = row["gap"]
    if value is None or value != value:
        reason = row.get("gap_unknown_reason")
        return t(f"gap_unknown_{reason}", lang) if isinstance(reason, str) else "—"
    if row["gap_unit"] == row["unit"] and row["unit"] != "%":
        magnitude = format_value(abs(value), row["unit"], row["unit_en"], lang, int(row["gap_decimals"]))
        return bound_mark(("+" if value > 0 else "−" if value < 0 else "") + magnitude, row["gap_bound"])
    unit = row["gap_unit"] if lang == "zh" else row["gap_unit_en"]
    return derived_text(value, row["gap_decimals"], row["gap_bound"], unit, lang)


def change_text(value, decimals, bound, lang: str) -> str:
    """The growth a level target implies from the result, in % (≥+18%), as rounded in SQL; blank where none."""
    if value is None or value != value:
        return ""
    return derived_text(value, decimals, bound, "%", lang)


def distance_meaning(row: dict, lang: str) -> str:
    """What the distance measures, in words: growth target − 2020 growth (pp), growth implied …, gap in unit."""
    kind = row["distance_kind"]
    if row["distance"] is None or row["distance"] != row["distance"]:
        return ""
    if kind == "gap":
        return t("distance_gap", lang, unit=distance_unit(row, lang))
    return t(f"distance_{kind}", lang)


def comparability_text(row: dict, lang: str) -> str:
    code = row["comparability"]
    if code == "period_differs":
        return t("comparability_period_differs", lang, period=t(f"period_{row['baseline_period']}", lang))
    return t(f"comparability_{code}", lang)


def topic_order(df: pd.DataFrame) -> pd.DataFrame:
    """Rows grouped by topic in the app's topic order (the query keeps its own order within a topic). The page
    orders its rows once with this, before the table and its export are made from them, so both agree row by row."""
    position = {topic: i for i, topic in enumerate(TOPICS)}
    return df.assign(_pos=df["topic"].map(position)).sort_values("_pos", kind="stable").drop(columns="_pos")


def frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """target_scorecard rows as the table shows and exports them, in the rows' own order (row i of the frame is
    row i of df, so the export's code columns from df line up; order the rows first with topic_order).

    In English the figures are in CNY bn / USD m like the cards and charts; the report's own number and unit
    are in the 'as reported' columns for those who want them.
    """
    rows = df.to_dict("records")

    def figure(row, side):
        return row_figure(row, side, lang)

    def as_reported(row, side):
        return reported(row[f"{side}_value"], row["unit"], row[f"{side}_decimals"], row.get(f"{side}_qualifier"))

    columns = {
        t("col_topic", lang): [t(f"topic_{r['topic']}", lang) for r in rows],
        t("col_indicator", lang): [r[f"indicator_{lang}"] for r in rows],
        t("col_status", lang): [status_text(r["status"], lang) for r in rows],
        t("col_baseline", lang): [figure(r, "baseline") for r in rows],
        t("col_target_2021", lang): [figure(r, "target") for r in rows],
        t("col_distance", lang): [distance_text(r, lang) for r in rows],
        t("col_distance_kind", lang): [distance_meaning(r, lang) for r in rows],
        t("col_better", lang): [t(f"direction_{r['direction']}", lang) for r in rows],
        t("col_price_basis", lang): [t(f"price_basis_{_code(r['target_price_basis'])}", lang) for r in rows],
        t("col_comparability", lang): [comparability_text(r, lang) for r in rows],
        t("col_note", lang): [notes_text((r.get("baseline_note"), r.get("target_note")), lang) for r in rows],
    }
    if lang == "en":
        columns[t("col_baseline_reported", lang)] = [as_reported(r, "baseline") for r in rows]
        columns[t("col_target_reported", lang)] = [as_reported(r, "target") for r in rows]
    for year, side in (("2020", "baseline"), ("2021", "target")):
        originals = [r[f"{side}_quote"] if isinstance(r[f"{side}_quote"], str) else "" for r in rows]
        if lang == "zh":
            columns[f"{t('col_quote', lang)} ({year})"] = originals
        else:  # the English sentence, its Chinese original beside it (folded under it in the page's table)
            columns[f"{t('col_quote_en', lang)} ({year})"] = [
                r.get(f"{side}_quote_en") if isinstance(r.get(f"{side}_quote_en"), str) else "" for r in rows]
            columns[f"{t('col_quote_zh', lang)} ({year})"] = originals
    return pd.DataFrame(columns)


def counts(df: pd.DataFrame) -> dict[str, int]:
    """How many targets have each status, in STATUSES order (for the summary line)."""
    found = df["status"].value_counts()
    return {code: int(found.get(code, 0)) for code in STATUSES if found.get(code, 0)}


def chart_rows(df: pd.DataFrame, family: str) -> pd.DataFrame:
    """The rows one family's chart draws: those with a comparable 2020 figure."""
    return df[(df["family"] == family) & df["distance"].notna()]


def not_charted(df: pd.DataFrame, charted_families: list[str]) -> int:
    """How many rows no chart shows: no comparable 2020 figure, or a family too small for a chart."""
    return len(df) - sum(len(chart_rows(df, family)) for family in charted_families)


def _code(value) -> str:
    """A price basis code, or 'unknown' where the data has none."""
    return value if isinstance(value, str) and value else "unknown"
