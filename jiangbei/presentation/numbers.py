"""Numbers and units formatted once for both languages: values, changes, bounds, periods, the English scales."""

from __future__ import annotations

from babel.numbers import format_decimal

from jiangbei.core import schema
from jiangbei.core.units import EN_MULTIPLY, EN_SCALE
from jiangbei.presentation.i18n import BABEL_LOCALE, TEXT, t

# How a value in a report unit is shown in English: jiangbei.core.units (the table the validator reads too).


# The report's bound words (qualifier column) in English; 以上 follows the number, the rest precede it.
QUALIFIERS_EN = {
    "突破": "over", "超过": "more than", "以上": "or more", "力争": "striving for", "达到": "reaching",
    "达": "reaching", "保持在": "held at", "稳定在": "steady at", "争取": "aiming for", "争取突破": "aiming to pass",
    "力争突破": "striving to pass", "提升至": "raised to", "累计": "cumulative", "最多": "at most",
    "跻身": "among the", "保持": "keeping", "力争超过": "striving for more than", "力争达到": "striving to reach",
    "争取超过": "aiming for more than",
}
SUFFIX_QUALIFIERS = {"以上"}


def qualifier_parts(qualifier: str | None) -> tuple[str, str]:
    """(words before the number, words after it): 力争…以上 -> (力争, 以上); 以上 -> ("", 以上)."""
    if not isinstance(qualifier, str) or not qualifier.strip():
        return "", ""
    if "…" in qualifier:
        before, after = qualifier.split("…", 1)
        return before, after
    return ("", qualifier) if qualifier in SUFFIX_QUALIFIERS else (qualifier, "")


def qualifier_text(qualifier: str | None, lang: str) -> str:
    """The qualifier as a reader of lang sees it in a table column."""
    before, after = qualifier_parts(qualifier)
    if lang == "zh":
        return "…".join(p for p in (before, after) if p) if before and after else before or after
    words = [QUALIFIERS_EN.get(p, p) for p in (before, after) if p]
    return " … ".join(words)


def qualified(formatted: str, qualifier: str | None, lang: str) -> str:
    """A formatted value inside its bound words: 力争25个以上 / striving for 25 projects or more."""
    before, after = qualifier_parts(qualifier)
    if lang == "zh":
        return f"{before}{formatted}{after}"
    return " ".join(p for p in (QUALIFIERS_EN.get(before, before), formatted, QUALIFIERS_EN.get(after, after)) if p)


def bounded(formatted: str, qualifier: str | None, bound: str, lang: str, keep_words: bool = False) -> str:
    """A value with its bound: in the report's bound words where it has them (over 660), else the bound's name
    (保持在3.5%, a ceiling: at most 3.5%); keep_words keeps wording that is not a bound (striving for, reaching) on
    an exact value."""
    words = qualifier if isinstance(qualifier, str) else ""
    has_bound_word = any(w in words for ws in schema.BOUND_WORDS.values() for w in ws)
    if bound == "exact" or not isinstance(bound, str):
        return qualified(formatted, words, lang) if keep_words else formatted
    if has_bound_word:
        return qualified(formatted, words, lang)
    return t(f"bound_before_{bound}", lang, value=formatted)  # at most 3.5% / 不超过3.5%


def _decimals(value: float) -> int:
    text = repr(float(value)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def scaled_decimals(scaled: float, divisor: int, decimals: int) -> int:
    """The decimals of a figure converted to a larger English unit (660 亿元 -> CNY 66.0 bn): as many as the scaled
    value needs (44.34, 119.79), at least one (66.0), never more than the report's figure implies after the
    conversion (18000 万美元 is USD 180.0 m, not 180.00 m). A zero the report writes after the point is kept:
    22.0 亿元 is CNY 2.20 bn, not 2.2. A figure written only in words has negative decimals (突破千亿元 is 1000 亿元
    to the thousand, -3: queries/load/tables.sql) and none after the conversion: over CNY 100 bn, not 100.0.
    Cards, charts, tables and hovers all use this."""
    implied = decimals + len(str(divisor)) - 1
    if decimals < 0:  # written in words: the report wrote no digit, so none is added
        return max(0, implied)
    if decimals > 0:  # the report's written decimals, all of them, moved by the conversion
        return implied
    return min(implied, max(1, _decimals(scaled)))


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """A plain number with the language's grouping (Babel): 10,288 / 10,288."""
    decimals = _decimals(value) if decimals is None else decimals
    # a figure rounded to tens has decimals -1 (17,800 万美元): its digits as rounded, none after the point
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=BABEL_LOCALE[lang])


def format_value(value: float | None, unit: str, unit_en: str, lang: str, decimals: int | None = None) -> str:
    """A value with its unit, as a reader of lang expects: 660亿元 / CNY 66.0 bn; 10,288人 / 10,288 persons."""
    if value is None or value != value:  # None or NaN
        return "—"
    if decimals is None:
        decimals = _decimals(value)
    if value == 0:  # none is written one way in every unit: 0亿元 / CNY 0 bn, never CNY 0.0 bn
        decimals = 0
    if lang == "zh":
        if unit == "万分之":
            return f"万分之{format_number(value, lang, decimals)}"
        if unit == "名":
            return f"第{format_number(value, lang, 0)}名"
        if unit == "比":
            return f"1:{format_number(value, lang, decimals)}"
        return f"{format_number(value, lang, decimals)}{unit}"
    if unit in EN_SCALE:
        divisor, template = EN_SCALE[unit]
        scaled = round(value / divisor, decimals + 2)
        places = scaled_decimals(scaled, divisor, decimals) if scaled else 0
        return template.format(v=format_number(scaled, lang, places))
    if unit in EN_MULTIPLY:
        scaled = value * EN_MULTIPLY[unit]
        return f"{format_number(scaled, lang, max(0, decimals - 4))} {unit_en.split(' ', 1)[1]}"
    if unit == "%":
        return f"{format_number(value, lang, decimals)}%"
    if unit == "个百分点":
        return f"{format_number(value, lang, decimals)} pp"
    if unit == "名":
        return f"No. {format_number(value, lang, 0)}"
    if unit == "强":
        return f"top {format_number(value, lang, 0)}"
    if unit == "比":
        return f"1:{format_number(value, lang, decimals)}"
    return f"{format_number(value, lang, decimals)} {unit_en}"


# Units the report writes before or around its number: 万分之24.7, 第3名, 1:7.
_REPORT_ORDER = {"万分之": "万分之{n}", "名": "第{n}名", "比": "1:{n}", "强": "{n}强"}


def as_reported(value, unit: str, decimals) -> str:
    """The number and unit in the report's own characters and order, without grouping (the 'as reported' columns
    of English tables): 134.5 亿元, 万分之24.7, 第3名, 1:7; '' where there is no value."""
    if value is None or value != value:
        return ""
    places = int(decimals) if decimals == decimals and decimals is not None else 0
    number = f"{value:.{max(0, places)}f}"  # negative: written in words (千亿元 is 1000), no decimals
    return _REPORT_ORDER[unit].format(n=number) if unit in _REPORT_ORDER else f"{number} {unit}"


def signed_number(value: float, lang: str, decimals: int | None = None) -> str:
    """A number with its sign, for growth rates and differences: +8, −2.1; no change is 0 (not ±0)."""
    if value == 0:  # one way to write no change: 0 (not ±0, 0.0 or +0%)
        return format_number(0, lang, 0)
    return ("+" if value > 0 else "−") + format_number(abs(value), lang, decimals)


def as_reported_words(value, unit: str, decimals, qualifier: str | None) -> str:
    """as_reported with the report's words around the number, as it wrote them: 突破150 家, 争取280 亿元以上."""
    number = as_reported(value, unit, decimals)
    before, after = qualifier_parts(qualifier)
    return f"{before}{number}{after}" if number else ""


def format_change(value: float | None, lang: str, decimals: int | None = None, yoy: bool = True) -> str | None:
    """A growth rate as a signed change, as the cards show it: +3.4% 同比 / +3.4% yoy.

    yoy=False gives +3.4%, for a growth axis."""
    if value is None or value != value:
        return None
    return f"{signed_number(value, lang, decimals)}%" + (f" {t('yoy', lang)}" if yoy else "")


# The bound of a figure (indicators.bound) as a mark before the number: ≥ at least, ≤ at most, ~ about.
BOUND_MARKS = {"at_least": "≥", "at_most": "≤", "about": "~", "exact": ""}


def plain_number(value: float, unit: str, lang: str, decimals: int) -> str:
    """The number format_value writes, without its unit (a chart panel's title holds the unit): 119.79, 180.0."""
    if lang == "en" and unit in EN_SCALE:
        scaled = round(value / EN_SCALE[unit][0], decimals + 2)
        return format_number(scaled, lang, scaled_decimals(scaled, EN_SCALE[unit][0], decimals))
    if lang == "en" and unit in EN_MULTIPLY:
        return format_number(value * EN_MULTIPLY[unit], lang, max(0, decimals - 4))
    return format_number(value, lang, decimals)


def bound_mark(formatted: str, bound: str | None) -> str:
    """A formatted value with its bound mark: ≥170家 / ≥ 170 firms; exact figures are left as they are."""
    mark = BOUND_MARKS.get(bound or "exact", "")
    return f"{mark}{formatted}" if mark else formatted


def period_key(period: str, stock_flow: str | None = None, from_paragraph: bool = False) -> str:
    """The catalog key of a period's words: a balance in a Jan–Nov paragraph is at the end of November; a period
    the figure's own sentence does not state, read from the 1-11月 opening its paragraph, says so."""
    key = "period_end_nov" if period == "jan_nov" and stock_flow == "stock" else f"period_{period}"
    return f"{key}_paragraph" if from_paragraph and period == "jan_nov" else key


def period_from_paragraph(row) -> bool:
    """Whether a Jan–Nov figure's period is read from its paragraph's opening 1-11月 rather than stated in its own
    sentence (the paragraph on services states 1-11月 once, before its first figure; the sales of commercial
    buildings at its end are read as Jan–Nov too, which their sentence does not say). The note says so, in words
    the validator checks against the report's sentence (schema.PARAGRAPH_PERIOD)."""
    note = row.get("note")
    return row.get("period") == "jan_nov" and isinstance(note, str) and schema.PARAGRAPH_PERIOD in note


def period_mark(period: str | None, lang: str, stock_flow: str | None = None, from_paragraph: bool = False) -> str:
    """' (Jan–Nov)', ' (year end)' after a figure that is not a full year's; nothing for a full year, which is
    what a reader assumes. A balance in a Jan–Nov paragraph is at the end of November; a period read from the
    paragraph rather than the figure's sentence says so (Jan–Nov per paragraph)."""
    if not isinstance(period, str) or period == "full_year":
        return ""
    word = t(period_key(period, stock_flow, from_paragraph), lang)
    if lang == "zh":
        return f"({word})"
    return f" ({word if word.startswith('Jan') else word[:1].lower() + word[1:]})"  # Jan–Nov keeps its capital


def period_stock_flow(row) -> str | None:
    """The stock_flow a row's period is read with: a Jan–Nov growth of a balance (deposits, loans; the queries'
    growth_of_balance) is at the end of November, like the balance itself."""
    return "stock" if row.get("growth_of_balance") in (True,) else row.get("stock_flow")  # numpy bools too


def scaled_for(value: float | None, unit: str, unit_en: str, lang: str, decimals: int = 0) -> tuple:
    """(value, unit, decimals) as the reader of lang sees them in a table: 134.5 亿元 -> 13.45 CNY bn in English.

    The same scaling as format_value, so a table's number and unit match the cards' and charts' text.
    """
    if lang == "zh":
        return value, unit, decimals
    if unit in EN_SCALE:
        divisor, template = EN_SCALE[unit]
        if value is None or value != value:
            return None, template.replace("{v} ", ""), decimals + len(str(divisor)) - 1
        shown = round(value / divisor, decimals + 2)
        return shown, template.replace("{v} ", ""), scaled_decimals(shown, divisor, decimals)
    if unit in EN_MULTIPLY:
        factor = EN_MULTIPLY[unit]
        shown = None if value is None or value != value else value * factor
        return shown, unit_en.split(" ", 1)[1], max(0, decimals - len(str(factor)) + 1)
    return value, unit_en, decimals


# Measures whose figure is a growth rate: written signed, year on year, with the price basis it is at.
GROWTH_MEASURES = ("yoy_growth_pct",)


def basis_label(code, lang: str, short: bool = False) -> str:
    """A price basis code (indicators.price_basis) in words: comparable prices (real), current prices (nominal),
    not stated. A code without words of its own (missing, or new in the data) reads "not stated", never a guess."""
    form = "price_basis_short" if short else "price_basis"
    key = f"{form}_{code}" if isinstance(code, str) and code else f"{form}_unknown"
    return t(key if key in TEXT else f"{form}_unknown", lang)


def priced(code) -> bool:
    """Whether a figure has a price basis at all (a count or a share has none)."""
    return code != "none"


def figure_text(value, unit: str, unit_en: str, lang: str, *, decimals=None, measure: str | None = None,
                qualifier: str | None = None, bound: str | None = None, period: str | None = None,
                stock_flow: str | None = None, price_basis: str | None = None, keep_words: bool = False,
                period_from_paragraph: bool = False) -> str:
    """One figure as every page writes it in words (cards, the report's marked numbers, the explorer, hovers):
    the value in the reader's unit, its bound in the report's words or the bound's name, its period unless a full
    year, and for a growth rate its sign, "year on year" and its price basis (real, nominal, or not stated):
    over CNY 66.0 bn · CNY 136.39 bn (end of November) · +4.0% yoy (basis not stated) · 不超过3.5%(年末)."""
    if value is None or value != value:
        return "—"
    places = int(decimals) if decimals is not None and decimals == decimals else None
    if measure in GROWTH_MEASURES:
        text = bounded(format_change(value, lang, places, yoy=False), qualifier, bound or "exact", lang, keep_words)
        text = f"{text} {t('yoy', lang)}"
        text = t("growth_with_basis", lang, change=text, basis=basis_label(price_basis, lang, short=True))
    else:
        text = bounded(format_value(value, unit, unit_en, lang, places), qualifier, bound or "exact", lang,
                       keep_words)
    return text + period_mark(period, lang, stock_flow, period_from_paragraph)


def row_figure(row, lang: str, side: str = "", keep_words: bool = False) -> str:
    """figure_text of a query row; side picks a pair's columns (target_value, target_bound …), sharing the row's
    unit, measure and stock_flow where the side has none of its own."""
    def get(column):
        for name in (f"{side}_{column}" if side else column, column):
            if name in row and not (row[name] is None or (isinstance(row[name], float) and row[name] != row[name])):
                return row[name]
        return None

    return figure_text(get("value"), get("unit"), get("unit_en"), lang, decimals=get("decimals")
                       if side else get("value_decimals"), measure=get("measure"), qualifier=get("qualifier"),
                       bound=get("bound"), period=get("period"), stock_flow=period_stock_flow(row),
                       price_basis=get("price_basis"), keep_words=keep_words,
                       period_from_paragraph=not side and period_from_paragraph(row))
