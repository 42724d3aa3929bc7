"""Turn query results into the table a visitor reads: their language's names, units and headers."""

from __future__ import annotations

import html

import pandas as pd

from jiangbei.i18n import lang_html, qualifier_text, t

# Columns of the indicator table, in order: (header key, source column or a function of the row frame).
INDICATOR_TABLE = ["indicator", "value", "unit", "year", "kind", "measure", "qualifier", "source_quote", "link"]
OPTIONAL_COLUMNS = ["id", "topic", "period", "section", "note"]


def indicator_frame(df: pd.DataFrame, lang: str, columns: list[str] | None = None) -> pd.DataFrame:
    """The indicator rows as shown: names and units in lang, kinds and measures translated, headers in lang."""
    columns = columns or INDICATOR_TABLE
    build = {
        "id": lambda: df["id"],
        "indicator": lambda: df[f"indicator_{lang}"],
        "value": lambda: df["value"],
        "unit": lambda: df["unit"] if lang == "zh" else df["unit_en"],
        "year": lambda: df["year"],
        "kind": lambda: df["kind"].map(lambda k: t(f"kind_{k}", lang)),
        "measure": lambda: df["measure"].map(lambda m: t(f"measure_{m}", lang)),
        "period": lambda: df["period"].map(lambda p: t(f"period_{p}", lang)),
        "topic": lambda: df["topic"].map(lambda p: t(f"topic_{p}", lang)),
        "qualifier": lambda: df["qualifier"].map(lambda q: qualifier_text(q, lang)),
        "section": lambda: df["section"],
        "source_quote": lambda: df["source_quote"],
        "note": lambda: df["note"].fillna(""),
        "link": lambda: df["source_link"],
    }
    return pd.DataFrame({header(c, lang): build[c]() for c in columns}).reset_index(drop=True)


def header(column: str, lang: str) -> str:
    key = {"indicator": "col_indicator", "source_quote": "col_quote"}.get(column, f"col_{column}")
    return t(key, lang)


def derived_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Derived figures as shown, each marked derived, with its formula."""
    return pd.DataFrame({
        t("col_indicator", lang): df[f"indicator_{lang}"],
        t("col_value", lang): df["value"],
        t("col_unit", lang): df["unit"] if lang == "zh" else df["unit_en"],
        t("col_year", lang): df["year"],
        t("col_kind", lang): t("kind_derived", lang),
        t("col_formula", lang): df[f"formula_{lang}"],
        t("col_id", lang): df["input_ids"].map(lambda ids: ", ".join(ids)),
    }).reset_index(drop=True)


def targets_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """results_vs_targets as shown: result, target, gap (derived) and both sentences."""
    unit = df["unit"] if lang == "zh" else df["unit_en"]
    return pd.DataFrame({
        t("col_indicator", lang): df[f"indicator_{lang}"],
        t("col_result_2020", lang): df["result_value"],
        t("col_target_2021", lang): df["target_value"],
        t("col_unit", lang): unit,
        t("col_gap", lang) + f" ({t('derived_label', lang)})": df["gap"],
        t("col_qualifier", lang): df["target_qualifier"].map(lambda q: qualifier_text(q, lang)),
        t("col_quote", lang) + " (2020)": df["result_quote"],
        t("col_quote", lang) + " (2021)": df["target_quote"],
    }).reset_index(drop=True)


def html_table(df: pd.DataFrame, link_header: str | None = None, link_text: str = "",
               value_header: str | None = None, value_decimals: pd.Series | None = None,
               link_names: list[str] | None = None, page_lang: str = "zh") -> str:
    """A plain HTML table of the frame, every cell escaped; links open the source page; values as written.

    Lighter than st.dataframe for the browser (no grid component to load), so the topic pages stay fast.
    link_names: per row, what the link opens, for screen readers (an accessible name, not "open" 82 times).
    Chinese text on an English page is marked lang="zh"; each cell carries its header for the phone layout.
    """
    heads = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in df.columns)
    labels = [html.escape(str(c), quote=True) for c in df.columns]
    body = []
    decimals = list(value_decimals) if value_decimals is not None else None
    for i, row in enumerate(df.itertuples(index=False)):
        cells = []
        for column, label, value in zip(df.columns, labels, row):
            if column == link_header:
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
    return f'<div class="jb-table"><table><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
