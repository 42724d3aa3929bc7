"""Where each indicator sits in its source text and its English translation: the number's exact span, sections,
coverage, and the marked-up HTML."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from jiangbei.core.validate import chinese_numeral, english_number_span, paragraph_of

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
    return f"{abs(value):.{max(0, int(decimals))}f}"  # negative decimals: a figure written in words (千亿元)


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


@dataclass(frozen=True)
class Fact:
    """What a marked number's details say about one indicator: a line (name = value), links, and, in the
    English text, the Chinese quote it translates."""

    label: str
    links: tuple[tuple[str, str], ...] = ()
    original: str | None = None


def locate_en(rows: pd.DataFrame, zh_text: str, en_text: str) -> list[Span]:
    """The Spans of the English translation: each row's source_quote_en, looked up in the English line that
    translates the line of its Chinese quote, and the value in it as the translation writes it (亿元 as billion)."""
    en_lines = en_text.split("\n")
    line_starts = [0]
    for line in en_lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    by_position: dict[tuple[int, int], dict] = {}
    for row in rows.itertuples():
        line = paragraph_of(zh_text, row.source_quote)
        quote_en = getattr(row, "source_quote_en", None)
        if line is None or not isinstance(quote_en, str) or line >= len(en_lines):
            continue
        inside = en_lines[line].find(quote_en)
        inner = english_number_span(_value_text(row.value, row.value_decimals), row.unit, quote_en)
        if inside < 0 or inner is None:
            continue
        quote_start = line_starts[line] + inside
        key = (quote_start + inner[0], quote_start + inner[1])
        entry = by_position.setdefault(key, {"q": (quote_start, quote_start + len(quote_en)), "ids": []})
        entry["ids"].append(row.id)
    return [Span(s, e, v["q"][0], v["q"][1], tuple(v["ids"])) for (s, e), v in sorted(by_position.items())]


def _fact_html(span: Span, number: str, facts: dict[str, Fact], lang: str, original_label: str) -> str:
    """A marked number as a disclosure: the number is the summary (focusable; click, Enter or Space opens it)."""
    parts = []
    for fact_id in span.ids:
        fact = facts.get(fact_id, Fact(fact_id))
        links = " · ".join(f'<a href="{html.escape(href)}" target="_self">{html.escape(text)}</a>'
                           for text, href in fact.links)
        parts.append(f'<span class="fact-line">{html.escape(fact.label)}</span>'
                     + (f'<span class="fact-links">{links}</span>' if links else ""))
    original = facts.get(span.ids[0], Fact("")).original
    if original:
        parts.append(f'<span class="fact-original">{html.escape(original_label)}: '
                     f'<q lang="zh">{html.escape(original)}</q></span>')
    return (f'<details class="fact" id="fact-{lang}-{html.escape(span.ids[0])}">'
            f'<summary><mark>{html.escape(number)}</mark></summary>'
            f'<span class="fact-card" role="group">{"".join(parts)}</span></details>')


def paragraphs(text: str, spans: list[Span], facts: dict[str, Fact], lang: str, focus: str | None = None,
               focus_id: str = "report-focus", original_label: str = "") -> list[str]:
    """One HTML string per line of the text (blank lines stay, as ""), every number in the data marked as a
    disclosure of its facts, the focus indicator's quote highlighted. All text is escaped."""
    focus_span = next((s for s in spans if focus in s.ids), None) if focus else None
    # (offset, order at that offset: closings first, html, where the text resumes: after the number it holds)
    cuts: list[tuple[int, int, str, int]] = []
    for span in spans:
        number = text[span.start:span.end]
        cuts.append((span.start, 2, _fact_html(span, number, facts, lang, original_label), span.end))
    if focus_span:
        cuts.append((focus_span.quote_start, 1, f'<span class="focus" id="{focus_id}">', focus_span.quote_start))
        cuts.append((focus_span.quote_end, 0, "</span>", focus_span.quote_end))
    cuts.sort(key=lambda c: (c[0], c[1]))
    out, last = [], 0
    for offset, _, piece, resume in cuts:
        if offset < last:  # a cut inside a marked number cannot happen; skip it rather than break the HTML
            continue
        out.append(html.escape(text[last:offset]))
        out.append(piece)
        last = resume
    out.append(html.escape(text[last:]))
    return "".join(out).split("\n")


def to_html(text: str, spans: list[Span], facts: dict[str, Fact], focus: str | None = None, lang: str = "zh",
            original_label: str = "") -> str:
    """The report in one language, one block per paragraph (a <div>: a <details> may not sit in a <p>)."""
    return "".join(f'<div class="para" lang="{lang}">{p}</div>'
                   for p in paragraphs(text, spans, facts, lang, focus, original_label=original_label) if p.strip())


def side_by_side(left: list[str], right: list[str], langs: tuple[str, str], headings: tuple[str, str]) -> str:
    """Two line-for-line texts as rows of two columns, so each paragraph sits beside its translation."""
    heads = "".join(f'<div class="para-head">{html.escape(h)}</div>' for h in headings)  # in the page's language
    rows = [f'<div class="pair">{heads}</div>']
    for a, b in zip(left, right):
        if a.strip() or b.strip():
            rows.append(f'<div class="pair"><div class="para" lang="{langs[0]}">{a}</div>'
                        f'<div class="para" lang="{langs[1]}">{b}</div></div>')
    return "".join(rows)
