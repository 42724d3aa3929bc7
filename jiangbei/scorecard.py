"""The 2021 targets scorecard as a reader sees it: status in words and a symbol, figures with unit, bound and
period, the distance with what it measures (rows of the target_scorecard table, queries/derived_tables/)."""

from __future__ import annotations

import pandas as pd

from jiangbei.i18n import bound_mark, format_number, format_value, period_mark, t
from jiangbei.schema import TOPICS

# Status codes in the order a reader scans them, each with a symbol so colour is never the only signal.
STATUS_SYMBOLS = {
    "raise_pace": "▲", "hold_pace": "●", "ease_pace": "▼",
    "above_2020": "↑", "below_2020": "↓",
    "to_reach": "○", "met_already": "✓",
    "no_baseline": "∅",
}
STATUSES = list(STATUS_SYMBOLS)
FAMILIES = ["growth", "flow", "rate", "stock"]
SORTS = ["report", "distance"]


def status_text(code: str, lang: str) -> str:
    """▲ Raise the pace / ▲ 提速."""
    return f"{STATUS_SYMBOLS[code]} {t(f'status_{code}', lang)}"


def figure_text(value, unit: str, unit_en: str, decimals, bound: str | None, period: str | None, lang: str,
                stock_flow: str | None = None) -> str:
    """One figure as written for a reader: ≥ 170 firms, 2.6% (year end), CNY 28.0 bn; — when there is none."""
    if value is None or value != value:
        return "—"
    shown = format_value(value, unit, unit_en, lang, int(decimals) if decimals == decimals else None)
    return bound_mark(shown, bound) + period_mark(period, lang, stock_flow)


def signed(value: float, lang: str, decimals: int = 1) -> str:
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{format_number(abs(value), lang, decimals)}"


def distance_text(row: dict, lang: str) -> str:
    """The distance with its unit: +3.8 pp, +8.8%, −30 days; with its bound mark when it is one (≤ +20 firms)."""
    value = row["distance"]
    if value is None or value != value:
        return "—"
    kind = row["distance_kind"]
    if kind == "pp" or (kind == "gap" and row["unit"] == "%"):
        text = signed(value, lang) + (" pp" if lang == "en" else "个百分点")
    elif kind == "implied_growth_pct":
        text = signed(value, lang) + "%"
    else:
        decimals = max(int(row["target_decimals"]), int(row["baseline_decimals"]))
        magnitude = format_value(abs(value), row["unit"], row["unit_en"], lang, decimals)
        text = ("+" if value > 0 else "−" if value < 0 else "±") + magnitude
    return bound_mark(text, row["distance_bound"])


def distance_meaning(row: dict, lang: str) -> str:
    """What the distance measures, in words: growth target − 2020 growth (pp), growth implied …, gap in unit."""
    kind = row["distance_kind"]
    if row["distance"] is None or row["distance"] != row["distance"]:
        return ""
    if kind == "gap":
        unit = "pp" if row["unit"] == "%" and lang == "en" else (row["unit"] if lang == "zh" else row["unit_en"])
        return t("distance_gap", lang, unit="个百分点" if row["unit"] == "%" and lang == "zh" else unit)
    return t(f"distance_{kind}", lang)


def comparability_text(row: dict, lang: str) -> str:
    code = row["comparability"]
    if code == "period_differs":
        return t("comparability_period_differs", lang, period=t(f"period_{row['baseline_period']}", lang))
    return t(f"comparability_{code}", lang)


def topic_order(df: pd.DataFrame) -> pd.DataFrame:
    """Rows grouped by topic in the app's topic order (the query keeps its own order within a topic)."""
    position = {topic: i for i, topic in enumerate(TOPICS)}
    return df.assign(_pos=df["topic"].map(position)).sort_values("_pos", kind="stable").drop(columns="_pos")


def frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """target_scorecard rows as the table shows and exports them, grouped by topic.

    In English the figures are in CNY bn / USD m like the cards and charts; the report's own number and unit
    are in the 'as reported' columns for those who want them.
    """
    df = topic_order(df)
    rows = df.to_dict("records")

    def figure(row, side):
        period = row["target_period"] if side == "target" else row["baseline_period"]
        return figure_text(row[f"{side}_value"], row["unit"], row["unit_en"], row[f"{side}_decimals"],
                           row[f"{side}_bound"], period, lang, row["stock_flow"])

    def as_reported(row, side):
        value = row[f"{side}_value"]
        if value is None or value != value:
            return ""
        return f"{value:.{int(row[f'{side}_decimals'])}f} {row['unit']}"

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
