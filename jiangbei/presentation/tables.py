"""Turn query results into the table a visitor reads: their language's names, units and headers.

In English the quote columns hold the unofficial translation, each followed by a column of the Chinese original;
the HTML tables fold that column into a disclosure under the English sentence (one click away, lang="zh").
"""

from __future__ import annotations

import html

import pandas as pd

from jiangbei.presentation import scorecard
from jiangbei.presentation.i18n import lang_html, notes_text, t
from jiangbei.presentation.numbers import (
    BOUND_MARKS,
    as_reported_words,
    format_number,
    format_value,
    period_from_paragraph,
    period_key,
    period_mark,
    period_stock_flow,
    qualifier_text,
    row_figure,
    scaled_for,
)
from jiangbei.presentation.numbers import as_reported as reported

# Columns of the indicator table, in order: (header key, source column or a function of the row frame).
# Every number with its unit, period and bound.
INDICATOR_TABLE = ["indicator", "value", "unit", "year", "period", "kind", "measure", "bound", "qualifier",
                   "source_quote", "link"]
OPTIONAL_COLUMNS = ["id", "topic", "price_basis", "stock_flow", "section", "note"]
# Columns every export of indicators carries, whatever the view shows: the caveats travel with the figures.
EXPORT_ALWAYS = ["price_basis", "note"]
# A topic page's table (and its export): every figure with its price basis and the caveats in its note.
TOPIC_TABLE = [*INDICATOR_TABLE[:-2], "price_basis", "note", *INDICATOR_TABLE[-2:]]


def shown_values(df: pd.DataFrame, lang: str, value: str = "value", decimals: str = "value_decimals") -> pd.DataFrame:
    """Per row, the value, unit and decimals as the reader of lang sees them: CNY bn and USD m in English, as on
    the cards and charts (i18n.scaled_for); the report's own units in Chinese."""
    shown = [scaled_for(v, u, ue, lang, int(d) if d == d else 0)
             for v, u, ue, d in zip(df[value], df["unit"], df["unit_en"], df[decimals])]
    return pd.DataFrame(shown, columns=["value", "unit", "decimals"], index=df.index)


def as_reported(df: pd.DataFrame, value: str = "value", decimals: str = "value_decimals") -> pd.Series:
    """The number and unit as the report writes them (134.5 亿元), for English readers who want the original."""
    return pd.Series([reported(v, u, d) for v, u, d in zip(df[value], df["unit"], df[decimals])], index=df.index,
                     dtype=object)


# A number column's format per row: (decimals, bound mark), so a cell reads as cards and hovers write the figure
# (≥66.0 for 突破660亿元 in CNY bn, 7.0 not 7) while the column keeps numbers for sorting.
NumberFormats = dict[str, list[tuple[int, str]]]


def _formats(df: pd.DataFrame, lang: str, value: str, decimals: str, bound: str) -> list[tuple[int, str]]:
    places = shown_values(df, lang, value, decimals)["decimals"]
    marks = df[bound] if bound in df.columns else pd.Series("exact", index=df.index)
    return [(int(d), BOUND_MARKS.get(b, "") if isinstance(b, str) else "") for d, b in zip(places, marks)]


def value_formats(df: pd.DataFrame, lang: str) -> NumberFormats:
    """The Value column of indicator_frame / derived_frame: each value's decimals (more in English, where 134.5 亿元
    is 13.45 CNY bn; a derived 150 亿元 rounded to tens is CNY 15 bn) and bound mark."""
    return {t("col_value", lang): _formats(df, lang, "value", "value_decimals", "bound")}


def targets_formats(df: pd.DataFrame, lang: str) -> NumberFormats:
    """The result and target columns of targets_frame: 7.0% stays 7.0, not 7; 突破150 家 is ≥150."""
    return {t("col_result_2020", lang): _formats(df, lang, "result_value", "result_decimals", "result_bound"),
            t("col_target_2021", lang): _formats(df, lang, "target_value", "target_decimals", "target_bound")}


def indicator_frame(df: pd.DataFrame, lang: str, columns: list[str] | None = None,
                    period_in_name: bool = False) -> pd.DataFrame:
    """The indicator rows as shown: names and units in lang, kinds and measures translated, headers in lang.

    In English the value is in the app's English units with the report's own figure in an 'as reported' column,
    and the Chinese original sentence follows the English one.
    period_in_name: the name carries a period that is not the full year (named_with_period), for a grid whose
    Period column a phone does not show.
    """
    columns = list(columns or INDICATOR_TABLE)
    shown = shown_values(df, lang)
    if lang == "en" and "value" in columns:
        columns.insert(columns.index("unit") + 1 if "unit" in columns else columns.index("value") + 1, "as_reported")
    if lang == "en" and "source_quote" in columns:
        columns.insert(columns.index("source_quote") + 1, "source_quote_zh")
    build = {
        "id": lambda: df["id"],
        "indicator": lambda: named_with_period(df, lang) if period_in_name else df[f"indicator_{lang}"],
        "value": lambda: shown["value"],
        "unit": lambda: shown["unit"],
        "as_reported": lambda: as_reported(df),
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
        "note": lambda: df["note"].map(lambda n: notes_text([n], lang)),
        "link": lambda: df["source_link"],
    }
    return pd.DataFrame({header(c, lang): build[c]() for c in columns}).reset_index(drop=True)


def named_with_period(df: pd.DataFrame, lang: str) -> pd.Series:
    """Each indicator's name followed by its period unless a full year, in the chart labels' words (numbers.
    period_mark): "Balance of deposits … (end of November per paragraph)", "…(据段首为11月末)"."""
    return pd.Series([r[f"indicator_{lang}"] + period_mark(r["period"], lang, period_stock_flow(r),
                                                            period_from_paragraph(r))
                      for r in df.to_dict("records")], index=df.index, dtype=object)


def grid_frame(df: pd.DataFrame, lang: str, columns: list[str] | None = None) -> pd.DataFrame:
    """indicator_frame for the explorer's grid: each name with its period unless a full year (a phone shows only
    Indicator, Value and Unit), and each Unit cell as assistive tech should read it (spoken_units)."""
    frame = indicator_frame(df, lang, columns, period_in_name=True)
    unit = header("unit", lang)
    if unit in frame.columns and header("value", lang) in frame.columns:
        frame[unit] = spoken_units(df, lang)
    return frame


# glide's accessibility table (the DOM a screen reader reads; the grid itself is a canvas) says a cell's data, not
# the Styler's display text: for a number, the bare number (66 where the canvas shows ≥66.0, 7 for 7.0). A header
# click sorts by the same data, so the Value column keeps numbers. The Unit cell beside it, in every view and on a
# phone's screen, holds the figure as shown wherever the number alone reads otherwise ("CNY bn, shown as ≥66.0"),
# and the canvas draws just the unit (canvas_texts).
def spoken_number(value: float) -> str:
    """A number as the grid's accessibility table writes it (JavaScript's Number.toString: 66, 7, 13.45)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def spoken_units(df: pd.DataFrame, lang: str) -> list[str]:
    """Each row's unit, followed by the figure as shown where the bare number says less: its bound mark or written
    decimals (not mere digit grouping, which a screen reader says alike)."""
    shown = shown_values(df, lang)
    cells = _formats(df, lang, "value", "value_decimals", "bound")
    spoken = []
    for value, unit, (places, mark) in zip(shown["value"], shown["unit"], cells):
        written = number_text(value, places, mark, lang)
        differs = written and written.replace(",", "") != spoken_number(value)
        spoken.append(t("unit_shown_as", lang, unit=unit, value=written) if differs else unit)
    return spoken


def canvas_texts(df: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """What grid_frame's canvas draws in a text column whose cells say more to assistive tech: the bare unit."""
    return {header("unit", lang): list(shown_values(df, lang)["unit"])}


def period_label(period: str, stock_flow: str | None, lang: str, from_paragraph: bool = False) -> str:
    """The period as a reader says it: a balance in a 1-11月 paragraph is at the end of November; a period read from
    the paragraph, not the figure's sentence, says so (numbers.period_key)."""
    return t(period_key(period, stock_flow, from_paragraph), lang)


def period_labels(df: pd.DataFrame, lang: str) -> pd.Series:
    return pd.Series([period_label(r["period"], period_stock_flow(r), lang, period_from_paragraph(r))
                      for r in df.to_dict("records")], index=df.index)


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
    """Derived figures as shown, each marked derived, with its bound, price basis, formula and the condition it
    holds under (note); English units as in indicator_frame."""
    shown = shown_values(df, lang)  # value_decimals: the decimals SQL rounded the figure to (the one rule)
    return pd.DataFrame({
        t("col_indicator", lang): df[f"indicator_{lang}"],
        t("col_value", lang): shown["value"],
        t("col_unit", lang): shown["unit"],
        t("col_year", lang): df["year"],
        t("col_period", lang): period_labels(df, lang),
        t("col_bound", lang): df["bound"].map(lambda b: t(f"bound_{b}", lang)),
        t("col_price_basis", lang): df["price_basis"].map(lambda b: t(f"price_basis_{b}", lang)),
        t("col_kind", lang): t("kind_derived", lang),
        t("col_formula", lang): df[f"formula_{lang}"],
        # the condition each row holds under (同口径, price basis, bound, period), then its inputs' caveats
        t("col_note", lang): [notes_text([n, *(i.split(" | ") if isinstance(i, str) else [])], lang)
                                for n, i in zip(df[f"note_{lang}"], df["input_notes"])],
        t("col_input_ids", lang): df["input_ids"].map(lambda ids: ", ".join(ids)),
    }).reset_index(drop=True)


def targets_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """results_vs_targets as shown: result, target, gap (derived) and both sentences, in English units in English
    (the report's own figures in 'as reported' columns; the English sentences with their Chinese originals)."""
    result = shown_values(df, lang, "result_value", "result_decimals")
    target = shown_values(df, lang, "target_value", "target_decimals")
    records = df.to_dict("records")
    quotes = {t("col_quote", lang) + " (2020)": df["result_quote"],
              t("col_quote", lang) + " (2021)": df["target_quote"]}
    if lang == "en":
        quotes = {}
        for year, kind in (("2020", "result"), ("2021", "target")):
            quotes[f"{t('col_quote_en', lang)} ({year})"] = df[f"{kind}_quote_en"]
            quotes[f"{t('col_quote_zh', lang)} ({year})"] = df[f"{kind}_quote"]
    columns = {
        t("col_indicator", lang): df[f"indicator_{lang}"],
        t("col_result_2020", lang): result["value"],
        t("col_target_2021", lang): target["value"],
        t("col_unit", lang): result["unit"],
        t("col_price_basis", lang): df["price_basis"].map(lambda b: t(f"price_basis_{b}", lang)),
        # derived figures written as SQL rounded them, each with its own unit (pp for rates) and bound mark
        t("col_gap", lang) + f" ({t('derived_label', lang)})": [scorecard.gap_text(r, lang) for r in records],
        t("col_change_needed", lang) + f" ({t('derived_label', lang)})":
            [scorecard.change_text(r["change_needed_pct"], r["change_needed_decimals"], r["gap_bound"], lang)
             for r in records],
        t("col_met", lang) + f" ({t('derived_label', lang)})":
            df["met_status"].map(lambda m: t(f"met_status_{m}", lang)),
        # each figure's own bound and wording: 突破150 (2020) against 超过170 (2021) are both lower bounds
        f"{t('col_bound', lang)} (2020)": df["result_bound"].map(lambda b: t(f"bound_{b}", lang)),
        f"{t('col_qualifier', lang)} (2020)": df["result_qualifier"].map(lambda q: qualifier_text(q, lang)),
        f"{t('col_bound', lang)} (2021)": df["target_bound"].map(lambda b: t(f"bound_{b}", lang)),
        f"{t('col_qualifier', lang)} (2021)": df["target_qualifier"].map(lambda q: qualifier_text(q, lang)),
        t("col_note", lang): [notes_text((r.get("result_note"), r.get("target_note")), lang) for r in records],
    }
    if lang == "en":  # the report's own words around its number: 突破150 家
        for kind, header in (("result", "col_result_reported"), ("target", "col_target_reported")):
            columns[t(header, lang)] = [as_reported_words(r[f"{kind}_value"], r["unit"], r[f"{kind}_decimals"],
                                                          r[f"{kind}_qualifier"]) for r in records]
    return pd.DataFrame({
        **columns,
        **quotes,
    }).reset_index(drop=True)


def number_text(value, places: int, mark: str, lang: str) -> str:
    """A table cell's number: its bound mark, then the number with its decimals and the language's grouping."""
    return "" if value is None or value != value else f"{mark}{format_number(value, lang, places)}"


def drawn_texts(df: pd.DataFrame, formats: NumberFormats, lang: str,
                texts: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Per column of a grid, each row's text on the canvas: numbers written like the HTML tables (≥66.0, 7.0,
    1,333,000), and for a text column whose cells say more to a screen reader, the text given (canvas_texts).
    Worth keeping per view: writing 189 numbers took ~5 ms of the server at every rerun."""
    drawn = {column: [number_text(v, places, mark, lang) for v, (places, mark) in zip(df[column], cells)]
             for column, cells in formats.items() if column in df.columns}
    return drawn | {column: list(shown) for column, shown in (texts or {}).items() if column in df.columns}


def styled(df: pd.DataFrame, drawn: dict[str, list[str]]):
    """The frame for a grid (st.dataframe) showing drawn's texts (drawn_texts): a pandas Styler's display values, so
    a number column keeps its numbers to sort and a screen reader still reads each cell's data."""
    styler = df.style
    for column, texts in drawn.items():
        for rows, text_of in _lookups(df[column], texts):
            subset = [column] if len(rows) == len(df) else pd.IndexSlice[df.index[rows], [column]]
            styler = styler.format(lambda v, text_of=text_of: text_of.get(_key(v), ""), subset=subset)
    return styler


def _key(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def _lookups(values: pd.Series, texts: list[str]) -> list[tuple[list[int], dict]]:
    """The rows in as few groups as each maps a value to one text (one group, unless one number is written two ways,
    7 and 7.0), each with its map: a Styler's formatter sees only the value."""
    groups: list[tuple[list[int], dict]] = []
    for i, (value, text) in enumerate(zip(values, texts)):
        key = _key(value)
        for rows, text_of in groups:
            if text_of.setdefault(key, text) == text:
                rows.append(i)
                break
        else:
            groups.append(([i], {key: text}))
    return groups


def html_table(df: pd.DataFrame, link_header: str | None = None, link_text: str = "",
               formats: NumberFormats | None = None,
               originals: dict[str, str] | None = None, original_label: str = "",
               link_names: list[str] | None = None, page_lang: str = "zh", compact: bool = False,
               phone_folded: list[str] | None = None) -> str:
    """A plain HTML table of the frame, every cell escaped; links open the source page; values as written.

    formats: per number column, each row's decimals and bound mark (value_formats: ≥66.0, 7.0), written with the
    language's grouping (1,333,000).

    originals maps a column of English sentences to the column of their Chinese originals, which is shown as a
    disclosure in the English cell (lang="zh") instead of as a column of its own.

    Lighter than st.dataframe for the browser (no grid component to load), so the topic pages stay fast.
    link_names: per row, what the link opens, for screen readers (an accessible name, not "open" 82 times).
    Chinese text on an English page is marked lang="zh"; each cell carries its header for the phone layout.
    compact: on a phone, short cells flow side by side instead of one line each (ui.TABLE_STYLE's jb-compact).
    phone_folded: columns whose text a phone shows folded under the header's name (long sentences), so a row
    takes a few lines; wider screens show them as they are.
    """
    phone_folded = set(phone_folded or ())
    originals = originals or {}
    folded = {df.columns.get_loc(c) for c in originals.values()}
    shown = [j for j in range(len(df.columns)) if j not in folded]
    heads = "".join(f'<th scope="col">{html.escape(str(df.columns[j]))}</th>' for j in shown)
    labels = {j: html.escape(str(df.columns[j]), quote=True) for j in shown}
    summary = html.escape(original_label)
    body = []
    formats = formats or {}
    for i, row in enumerate(df.itertuples(index=False)):
        cells = []
        for j in shown:
            column, label, value = df.columns[j], labels[j], row[j]
            if column in originals:
                original = row[df.columns.get_loc(originals[column])]
                if not value and not original:  # no sentence (no 2020 figure): an empty cell, not an empty fold
                    cells.append(f'<td data-label="{label}"></td>')
                    continue
                content = (f'{lang_html("" if value is None else str(value), page_lang)}'
                           f'<details class="original"><summary>{summary}</summary>'
                           f'<span lang="zh">{html.escape("" if original is None else str(original))}</span>'
                           "</details>")
                cells.append(_cell(label, content, column in phone_folded))
            elif column == link_header:
                href = html.escape(str(value))
                name = f' aria-label="{html.escape(link_names[i], quote=True)}"' if link_names else ""
                cells.append(f'<td data-label="{label}"><a href="{href}" target="_self"{name}>'
                             f'{html.escape(link_text)}</a></td>')
            elif column in formats and value == value and value is not None:
                number = html.escape(number_text(value, *formats[column][i], page_lang))
                cells.append(f'<td class="num" data-label="{label}">{number}</td>')
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                text = "" if value != value else f"{value:g}"
                cells.append(f'<td class="num" data-label="{label}">{text}</td>')
            else:
                text = lang_html("" if value is None else str(value), page_lang)
                cells.append(_cell(label, text, column in phone_folded and bool(text), long=len(str(value)) > 40))
        body.append("<tr>" + "".join(cells) + "</tr>")
    # tabindex: a table box that scrolls must be reachable by the keyboard to scroll it (WCAG 2.1.1).
    classes = "jb-table jb-compact" if compact else "jb-table"
    return (f'<div class="{classes}" tabindex="0"><table><thead><tr>{heads}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def _cell(label: str, content: str, folded: bool, long: bool = True) -> str:
    """A table cell; folded: on a phone, its content under a disclosure named by the header (shown in full on wider
    screens: the two copies are display-toggled, so a screen reader meets one)."""
    if not folded:
        kind = ' class="long"' if long else ""
        return f'<td data-label="{label}"{kind}>{content}</td>'
    return (f'<td data-label="{label}" class="long folded"><div class="wide">{content}</div>'
            f'<details class="narrow"><summary>{label}</summary>{content}</details></td>')


def figure_lines(df: pd.DataFrame, lang: str) -> list[str]:
    """Figures too few for a chart, one line each: name, then the figure as the one formatter writes it (value,
    unit, bound, period, and a growth rate's yoy and price basis)."""
    return [f"{r[f'indicator_{lang}']}: {row_figure(r, lang)}" for r in df.to_dict("records")]


def plan_outcome_lines(df: pd.DataFrame, lang: str) -> list[str]:
    """One line per outcome that occurs — beat, met (exactly the plan), missed — naming its results, completion
    rates as written and those the report judges only in words (GDP missed its 2020 plan)."""
    lines = []
    for outcome in ("beat", "met", "missed"):
        rows = df[df["plan_outcome"] == outcome].to_dict("records")
        if not rows:
            continue
        names = [r[f"indicator_{lang}"] + ("" if lang == "zh" else " ") + _completion(r, lang) for r in rows]
        lines.append(t(f"plan_outcome_{outcome}", lang, n=len(rows), names=t("list_sep", lang).join(names)))
    return lines


def _completion(row: dict, lang: str) -> str:
    """A completion rate as written (106%), or that the report judges the result in words only."""
    value = row["value"]
    if value is None or value != value:
        return t("plan_in_words", lang)
    return format_value(value, "%", "%", lang, int(row["value_decimals"]))


def plan_verdict_lines(df: pd.DataFrame, lang: str) -> list[str]:
    """The results the report judges against the annual plan only in words (plan_completion rows without a rate):
    "GDP: missed the 2020 annual plan (no completion rate given) — <the note with the report's words>"."""
    rows = df[df["plan_verdict"].notna() & (df["plan_verdict"] != "")] if "plan_verdict" in df.columns else df[:0]
    return [t("plan_verdict_line", lang, indicator=r[f"indicator_{lang}"],
              verdict=t(f"plan_verdict_{r['plan_verdict']}", lang), note=notes_text([r["note"]], lang))
            for r in rows.to_dict("records")]


# Header colours are presentation.theme's (light and dark). On a phone each row becomes a block of "header: value"
# lines in the page's own scroll, instead of a narrow box that scrolls inside the page.
TABLE_STYLE = """<style>
.jb-table {max-height: 560px; overflow: auto; border: 1px solid var(--jb-grid, #8A9099); border-radius: 6px;}
.jb-table table {border-collapse: collapse; width: 100%; font-size: 0.85rem;}
.jb-table th {position: sticky; top: 0; background: var(--jb-header-bg, #F2F5F9); color: var(--jb-text, #1B1F24);
  text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--jb-grid, #8A9099);}
.jb-table td {padding: 5px 8px; border-bottom: 1px solid rgba(128,128,128,0.3); vertical-align: top;}
.jb-table td.num {text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;}
.jb-table details.original summary {cursor: pointer; text-decoration: underline; font-size: 0.8rem;}
.jb-table details.narrow {display: none;}
.jb-table details.narrow summary {cursor: pointer; font-weight: 600;}
@media (max-width: 640px) {
  .jb-table td.folded .wide {display: none;}
  .jb-table td.folded details.narrow {display: block;}
  .jb-table td.folded::before {content: none;}
  .jb-table.jb-compact tr {padding: 0.3rem 0;}
  .jb-table.jb-compact td {display: inline-block; margin-right: 0.9rem; font-size: 0.8rem;}
  .jb-table.jb-compact td.long {display: block; margin-right: 0;}
  .jb-table {max-height: none; overflow: visible; border: none;}
  .jb-table thead {position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);}
  .jb-table tr {display: block; border-bottom: 1px solid var(--jb-grid, #8A9099); padding: 0.4rem 0;}
  .jb-table td {display: block; border: none; padding: 1px 0;}
  .jb-table td.num {text-align: left; white-space: normal;}
  .jb-table td::before {content: attr(data-label) ": "; font-weight: 600;}
  .jb-table td:empty {display: none;}
}
</style>"""


def sources_frame(df: pd.DataFrame) -> pd.DataFrame:
    """sources.csv's rows as the About page lists them: every column by its name in the data dictionary, the date
    as written in the data (YYYY-MM-DD)."""
    return df.assign(date=df["date"].dt.strftime("%Y-%m-%d"))


def coverage_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """source_text.coverage as the source page shows it: headers in lang, the numbers not in the data one line."""
    return pd.DataFrame({
        t("col_section", lang): df["section"],
        t("coverage_in_text", lang): df["numbers_in_text"],
        t("coverage_in_data", lang): df["numbers_in_data"],
        t("coverage_missing", lang): [" · ".join(found) for found in df["not_in_data"]],
    })
