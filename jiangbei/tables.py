"""Turn query results into the table a visitor reads: their language's names, units and headers.

In English the quote columns hold the unofficial translation, each followed by a column of the Chinese original;
the HTML tables fold that column into a disclosure under the English sentence (one click away, lang="zh").
"""

from __future__ import annotations

import html

import pandas as pd

from jiangbei.i18n import lang_html, qualifier_text, t

# Columns of the indicator table, in order: (header key, source column or a function of the row frame).
# Every number with its unit, period and bound.
INDICATOR_TABLE = ["indicator", "value", "unit", "year", "period", "kind", "measure", "bound", "qualifier",
                   "source_quote", "link"]
OPTIONAL_COLUMNS = ["id", "topic", "price_basis", "stock_flow", "section", "note"]


def indicator_frame(df: pd.DataFrame, lang: str, columns: list[str] | None = None) -> pd.DataFrame:
    """The indicator rows as shown: names and units in lang, kinds and measures translated, headers in lang."""
    columns = columns or INDICATOR_TABLE
    if lang == "en" and "source_quote" in columns:  # the Chinese original right after the English sentence
        at = columns.index("source_quote") + 1
        columns = columns[:at] + ["source_quote_zh"] + columns[at:]
    build = {
        "id": lambda: df["id"],
        "indicator": lambda: df[f"indicator_{lang}"],
        "value": lambda: df["value"],
        "unit": lambda: df["unit"] if lang == "zh" else df["unit_en"],
        "year": lambda: df["year"],
        "kind": lambda: df["kind"].map(lambda k: t(f"kind_{k}", lang)),
        "measure": lambda: df["measure"].map(lambda m: t(f"measure_{m}", lang)),
        "period": lambda: period_labels(df, lang),
        "topic": lambda: df["topic"].map(lambda p: t(f"topic_{p}", lang)),
        "qualifier": lambda: df["qualifier"].map(lambda q: qualifier_text(q, lang)),
        "bound": lambda: df["bound"].map(lambda b: t(f"bound_{b}", lang)),
        "price_basis": lambda: df["price_basis"].map(lambda b: t(f"price_basis_{b}", lang)),
        "stock_flow": lambda: df["stock_flow"].map(lambda b: t(f"stock_flow_{b}", lang)),
        "section": lambda: df["section"],
        "source_quote": lambda: df["source_quote"] if lang == "zh" else df["source_quote_en"],
        "source_quote_zh": lambda: df["source_quote"],
        "note": lambda: df["note"].fillna(""),
        "link": lambda: df["source_link"],
    }
    return pd.DataFrame({header(c, lang): build[c]() for c in columns}).reset_index(drop=True)


def period_label(period: str, stock_flow: str | None, lang: str) -> str:
    """The period as a reader says it: a balance in a 1-11月 paragraph is at the end of November."""
    if period == "jan_nov" and stock_flow == "stock":
        return t("period_end_nov", lang)
    return t(f"period_{period}", lang)


def period_labels(df: pd.DataFrame, lang: str) -> pd.Series:
    stock_flow = df["stock_flow"] if "stock_flow" in df.columns else pd.Series(None, index=df.index)
    return pd.Series([period_label(p, s, lang) for p, s in zip(df["period"], stock_flow)], index=df.index)


def header(column: str, lang: str) -> str:
    key = {"indicator": "col_indicator", "source_quote": "col_quote" if lang == "zh" else "col_quote_en",
           "source_quote_zh": "col_quote_zh"}.get(column, f"col_{column}")
    return t(key, lang)


def original_columns(df: pd.DataFrame, lang: str) -> dict[str, str]:
    """English quote column -> the column of its Chinese original, for the quote columns the frame has."""
    if lang == "zh":
        return {}
    english, original = t("col_quote_en", lang), t("col_quote_zh", lang)
    return {c.replace(original, english): c for c in df.columns
            if c.startswith(original) and c.replace(original, english) in df.columns}


def derived_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Derived figures as shown, each marked derived, with its bound, price basis and formula."""
    return pd.DataFrame({
        t("col_indicator", lang): df[f"indicator_{lang}"],
        t("col_value", lang): df["value"],
        t("col_unit", lang): df["unit"] if lang == "zh" else df["unit_en"],
        t("col_year", lang): df["year"],
        t("col_period", lang): period_labels(df, lang),
        t("col_bound", lang): df["bound"].map(lambda b: t(f"bound_{b}", lang)),
        t("col_price_basis", lang): df["price_basis"].map(lambda b: t(f"price_basis_{b}", lang)),
        t("col_kind", lang): t("kind_derived", lang),
        t("col_formula", lang): df[f"formula_{lang}"],
        t("col_id", lang): df["input_ids"].map(lambda ids: ", ".join(ids)),
    }).reset_index(drop=True)


def targets_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """results_vs_targets as shown: result, target, gap (derived) and both sentences."""
    unit = df["unit"] if lang == "zh" else df["unit_en"]
    quotes = {t("col_quote", lang) + " (2020)": df["result_quote"],
              t("col_quote", lang) + " (2021)": df["target_quote"]}
    if lang == "en":
        quotes = {}
        for year, kind in (("2020", "result"), ("2021", "target")):
            quotes[f"{t('col_quote_en', lang)} ({year})"] = df[f"{kind}_quote_en"]
            quotes[f"{t('col_quote_zh', lang)} ({year})"] = df[f"{kind}_quote"]
    return pd.DataFrame({
        t("col_indicator", lang): df[f"indicator_{lang}"],
        t("col_result_2020", lang): df["result_value"],
        t("col_target_2021", lang): df["target_value"],
        t("col_unit", lang): unit,
        t("col_price_basis", lang): df["price_basis"].map(lambda b: t(f"price_basis_{b}", lang)),
        t("col_gap", lang) + f" ({t('derived_label', lang)})": df["gap"],
        t("col_gap_bound", lang): df["gap_bound"].map(lambda b: t(f"bound_{b}", lang) if isinstance(b, str) else ""),
        t("col_met", lang) + f" ({t('derived_label', lang)})":
            df["met_status"].map(lambda m: t(f"met_status_{m}", lang)),
        t("col_qualifier", lang): df["target_qualifier"].map(lambda q: qualifier_text(q, lang)),
        **quotes,
    }).reset_index(drop=True)


def html_table(df: pd.DataFrame, link_header: str | None = None, link_text: str = "",
               value_header: str | None = None, value_decimals: pd.Series | None = None,
               originals: dict[str, str] | None = None, original_label: str = "",
               link_names: list[str] | None = None, page_lang: str = "zh") -> str:
    """A plain HTML table of the frame, every cell escaped; links open the source page; values as written.

    originals maps a column of English sentences to the column of their Chinese originals, which is shown as a
    disclosure in the English cell (lang="zh") instead of as a column of its own.

    Lighter than st.dataframe for the browser (no grid component to load), so the topic pages stay fast.
    link_names: per row, what the link opens, for screen readers (an accessible name, not "open" 82 times).
    Chinese text on an English page is marked lang="zh"; each cell carries its header for the phone layout.
    """
    originals = originals or {}
    folded = {df.columns.get_loc(c) for c in originals.values()}
    shown = [j for j in range(len(df.columns)) if j not in folded]
    heads = "".join(f'<th scope="col">{html.escape(str(df.columns[j]))}</th>' for j in shown)
    labels = {j: html.escape(str(df.columns[j]), quote=True) for j in shown}
    summary = html.escape(original_label)
    body = []
    decimals = list(value_decimals) if value_decimals is not None else None
    for i, row in enumerate(df.itertuples(index=False)):
        cells = []
        for j in shown:
            column, label, value = df.columns[j], labels[j], row[j]
            if column in originals:
                original = row[df.columns.get_loc(originals[column])]
                cells.append(f'<td data-label="{label}">{lang_html("" if value is None else str(value), page_lang)}'
                             f'<details class="original"><summary>{summary}</summary>'
                             f'<span lang="zh">{html.escape("" if original is None else str(original))}</span>'
                             "</details></td>")
            elif column == link_header:
                href = html.escape(str(value))
                name = f' aria-label="{html.escape(link_names[i], quote=True)}"' if link_names else ""
                cells.append(f'<td data-label="{label}"><a href="{href}" target="_self"{name}>'
                             f'{html.escape(link_text)}</a></td>')
            elif column == value_header and decimals is not None and value == value:
                cells.append(f'<td class="num" data-label="{label}">{value:.{int(decimals[i])}f}</td>')
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                text = "" if value != value else f"{value:g}"
                cells.append(f'<td class="num" data-label="{label}">{text}</td>')
            else:
                text = lang_html("" if value is None else str(value), page_lang)
                cells.append(f'<td data-label="{label}">{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    # tabindex: a table box that scrolls must be reachable by the keyboard to scroll it (WCAG 2.1.1).
    return (f'<div class="jb-table" tabindex="0"><table><thead><tr>{heads}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
