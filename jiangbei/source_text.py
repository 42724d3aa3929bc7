"""Where each indicator sits in its source text: the number's exact span, sections, coverage, and HTML."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from jiangbei.validate import chinese_numeral

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万]+")
_TOP = re.compile(r"^([一二三四五六七八九十]+)、")
_SUB = re.compile(r"^\(([一二三四五六七八九十]+)\)")


@dataclass(frozen=True)
class Span:
    """The characters of one number in the text, and the indicators that take their value from it."""

    start: int
    end: int
    quote_start: int
    quote_end: int
    ids: tuple[str, ...]


def number_span(quote: str, value_text: str) -> tuple[int, int] | None:
    """Where in the quote the value is written (as an Arabic number, or as a Chinese numeral)."""
    written = value_text.strip().lstrip("-")
    for match in _ARABIC.finditer(quote):
        if match.group() == written:
            return match.span()
    try:
        number = float(written)
    except ValueError:
        return None
    for match in _CHINESE.finditer(quote):
        if number.is_integer() and chinese_numeral(match.group()) == int(number):
            return match.span()
    return None


def locate(rows: pd.DataFrame, text: str) -> list[Span]:
    """One Span per distinct number position; indicators sharing a number (均达100%) share its Span."""
    by_position: dict[tuple[int, int], dict] = {}
    for row in rows.itertuples():
        quote_start = text.find(row.source_quote)
        if quote_start < 0:
            continue
        value_text = _value_text(row.value, row.value_decimals)
        inner = number_span(row.source_quote, value_text)
        if inner is None:
            continue
        key = (quote_start + inner[0], quote_start + inner[1])
        entry = by_position.setdefault(key, {"q": (quote_start, quote_start + len(row.source_quote)), "ids": []})
        entry["ids"].append(row.id)
    return [Span(s, e, v["q"][0], v["q"][1], tuple(v["ids"])) for (s, e), v in sorted(by_position.items())]


def _value_text(value: float, decimals: int) -> str:
    return f"{abs(value):.{int(decimals)}f}"


def sections(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of each section: 一, 一(一) … 二, 二(一) …, as the data's section column names them."""
    marks: list[tuple[str, int]] = []
    top = ""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if match := _TOP.match(stripped):
            top = match.group(1)
            marks.append((top, offset))
        elif (match := _SUB.match(stripped)) and top:
            marks.append((f"{top}({match.group(1)})", offset))
        offset += len(line)
    bounds = [start for _, start in marks[1:]] + [len(text)]
    return [(label, start, end) for (label, start), end in zip(marks, bounds)]


def numbers_in_text(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the Arabic numbers in text[start:end], leaving out years (2020年, 2021) and dates."""
    found = []
    for match in _ARABIC.finditer(text, start, end):
        if re.fullmatch(r"(19|20)\d\d", match.group()):
            continue
        found.append(match.span())
    return found


def coverage(text: str, spans: list[Span]) -> pd.DataFrame:
    """Per section: Arabic numbers in the text, how many of them are in the data, and the ones that are not."""
    covered = {(s.start, s.end) for s in spans}
    rows = []
    for label, start, end in sections(text):
        numbers = numbers_in_text(text, start, end)
        missing = [text[max(a - 8, start):min(b + 4, end)].replace("\n", " ") for a, b in numbers
                   if (a, b) not in covered]
        in_data = len([s for s in spans if start <= s.start < end])
        rows.append({"section": label, "numbers_in_text": len(numbers), "numbers_in_data": in_data,
                     "not_in_data": missing})
    return pd.DataFrame(rows)


def context(text: str, quote: str) -> tuple[str, str, str]:
    """(before, quote, after) within the quote's paragraph."""
    start = text.find(quote)
    if start < 0:
        return "", quote, ""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", start + len(quote))
    para_end = len(text) if para_end < 0 else para_end
    return text[para_start:start], quote, text[start + len(quote):para_end]


def to_html(text: str, spans: list[Span], labels: dict[str, str], focus: str | None = None) -> str:
    """The report as paragraphs, every number in the data marked; the focus indicator's sentence highlighted.

    labels maps an indicator id to its hover text (name, value, unit). All text is escaped.
    """
    focus_span = next((s for s in spans if focus in s.ids), None) if focus else None
    cuts = []
    for span in spans:
        title = "\n".join(f"{i}: {labels.get(i, '')}" for i in span.ids)
        anchor = " ".join(f"fact-{i}" for i in span.ids)
        cuts.append((span.start, f'<mark class="fact {anchor}" id="fact-{span.ids[0]}" title="{html.escape(title)}">'))
        cuts.append((span.end, "</mark>"))
    if focus_span:
        cuts.append((focus_span.quote_start, '<span class="focus" id="report-focus">'))
        cuts.append((focus_span.quote_end, "</span>"))
    # Closing tags sort before opening ones at the same offset, so tags always nest.
    cuts.sort(key=lambda c: (c[0], not c[1].startswith("</")))
    out, last = [], 0
    for offset, tag in cuts:
        out.append(html.escape(text[last:offset]))
        out.append(tag)
        last = offset
    out.append(html.escape(text[last:]))
    paragraphs = "".join(out).split("\n")
    return "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())
