"""Check the curated data against its schema and its source report.

Run as ``python -m jiangbei.core.validate [DATA_DIR]``: prints one line per problem, exits 1 if any.
The app runs the same ``validate()`` before it loads anything.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from jiangbei.core import schema, units

INDICATORS_FILE = "indicators.csv"
SOURCES_FILE = "sources.csv"
GLOSSARY_FILE = "glossary.csv"
# A file larger than this is refused before it is read: the curated data is ~50 KB, and the app parses it in full.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # 1-based line of the CSV (the header is line 1)
    row_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        who = f" [{self.row_id}]" if self.row_id else ""
        return f"{where}{who}: {self.message}"


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral(text: str) -> int:
    """Value of a Chinese numeral such as 四, 十八, 两, 千 (as in 千亿元) or 一万二千."""
    total = section = digit = 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit or 1) * 10000
            section = digit = 0
    return total + section + digit


def numbers_in(quote: str) -> tuple[set[str], set[int]]:
    """Arabic numbers as written, and the values of Chinese numerals, found in a quote."""
    arabic = set(re.findall(r"\d+(?:\.\d+)?", quote))
    chinese = {chinese_numeral(m) for m in re.findall(r"[零〇一二两三四五六七八九十百千万]+", quote)}
    return arabic, chinese


def value_in_quote(value_text: str, quote: str) -> bool:
    """The value as written in the CSV (sign dropped: 下降20.6% is stored as -20.6) is a number of the quote."""
    written = value_text.strip().lstrip("-")
    arabic, chinese = numbers_in(quote)
    if written in arabic:
        return True
    try:
        number = float(written)
    except ValueError:
        return False
    return number.is_integer() and int(number) in chinese


_ENGLISH_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def english_number_span(value_text: str, unit: str, quote_en: str) -> tuple[int, int] | None:
    """Where the English quote writes the value: the report's number times its unit's English scale
    (units.ENGLISH_SCALES: 660 亿元 is "66 billion"), followed by the scale word; other units as written."""
    try:
        value = abs(Decimal(value_text.strip()))
    except InvalidOperation:
        return None
    for factor, word in units.ENGLISH_SCALES.get(unit, (("1", None),)):
        wanted = value * Decimal(factor)
        for match in _ENGLISH_NUMBER.finditer(quote_en):
            if Decimal(match.group().replace(",", "")) != wanted:
                continue
            if word is None or re.match(r"\s*" + re.escape(word) + r"\b", quote_en[match.end():]):
                return match.span()
    return None


def numbers_missing_in_english(quote: str, quote_en: str) -> list[str]:
    """Arabic numbers of the Chinese quote that its English quote does not hold under any English scale (month
    ranges such as 1-11月 are written in words, January to November, and are left out)."""
    english = {Decimal(n.replace(",", "")) for n in _ENGLISH_NUMBER.findall(quote_en)}
    factors = {Decimal(1)} | {Decimal(f) for scales in units.ENGLISH_SCALES.values() for f, _ in scales}
    numbers = re.findall(r"\d+(?:\.\d+)?", re.sub(r"\d+-\d+月", "", quote))
    return [n for n in numbers if not any(Decimal(n) * f in english for f in factors)]


def aligned_paragraphs(zh: str, en: str) -> str | None:
    """Why a translation is not line for line with its original (same lines, blank where the original is), or None."""
    zh_lines, en_lines = zh.split("\n"), en.split("\n")
    if len(zh_lines) != len(en_lines):
        return f"has {len(en_lines)} lines, the original {len(zh_lines)}"
    for number, (a, b) in enumerate(zip(zh_lines, en_lines), start=1):
        if bool(a.strip()) != bool(b.strip()):
            return f"line {number} is empty where the original's is not" if a.strip() else \
                f"line {number} has text where the original's is empty"
    return None


def paragraph_of(text: str, quote: str) -> int | None:
    """0-based line of the text where the quote first occurs."""
    start = text.find(quote)
    return None if start < 0 else text.count("\n", 0, start)


def header_problem(header: list[str], expected: list[str]) -> str:
    """What is wrong with a CSV header, or ''. DuckDB reads the columns by position (queries/load/tables.sql),
    so the names must be exactly the schema's, in its order: a swapped unit and unit_en would load silently."""
    if header == expected:
        return ""
    parts = []
    duplicated = [c for c, n in Counter(header).items() if n > 1]
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if duplicated:
        parts.append("duplicate column(s): " + ", ".join(duplicated))
    if missing:
        parts.append("missing column(s): " + ", ".join(missing))
    if extra:
        parts.append("unknown column(s): " + ", ".join(extra))
    if not parts:
        moved = [f"{c} (column {header.index(c) + 1}, expected {i + 1})" for i, c in enumerate(expected)
                 if header.index(c) != i]
        parts.append("columns out of order: " + ", ".join(moved) + "; expected order: " + ", ".join(expected))
    return "; ".join(parts)


def _read_table(path: Path, expected: list[str], problems: list[Problem]) -> list[tuple[int, dict]] | None:
    """Rows of a CSV with their line numbers, or None when the file can't be used at all."""
    name = path.name
    if not path.is_file():
        problems.append(Problem(name, None, None, f"file is missing ({path})"))
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(Problem(name, None, None, f"file is too large ({size:,} bytes, at most {MAX_FILE_BYTES:,})"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(name, line, None, f"not UTF-8 (byte {err.start}: {err.reason})"))
        return None
    if not text.strip():
        problems.append(Problem(name, None, None, "file is empty"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        problem = header_problem(header, expected)
        if problem:
            problems.append(Problem(name, 1, None, problem))
            return None
        rows = []
        for fields in reader:
            line = reader.line_num
            if not fields:
                continue
            if len(fields) != len(header):
                problems.append(Problem(name, line, fields[0] or None,
                                        f"{len(fields)} fields, expected {len(header)}"))
                continue
            rows.append((line, dict(zip(header, fields))))
    except csv.Error as err:
        problems.append(Problem(name, reader.line_num, None, f"malformed CSV: {err}"))
        return None
    if not rows:
        problems.append(Problem(name, None, None, "no data rows"))
    return rows


def _check_sources(data_dir: Path, rows, problems, english: dict[str, str] | None = None) -> dict[str, str]:
    """Validate sources.csv; return the text of each readable source by source_id (and fill english with the
    translations that are line for line with their original)."""
    texts: dict[str, str] = {}
    english = {} if english is None else english
    seen = Counter(r["source_id"] for _, r in rows)
    for line, row in rows:
        sid = row["source_id"].strip()
        p = lambda msg: problems.append(Problem(SOURCES_FILE, line, sid or None, msg))  # noqa: E731
        for col in schema.SOURCE_COLUMNS:
            if col not in ("note", "path_en") and not row[col].strip():
                p(f"{col} is empty")
        if seen[row["source_id"]] > 1:
            p("duplicate source_id")
        try:  # fromisoformat alone also takes 20210318 and 2021-W11-4, which DuckDB's DATE does not
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", row["date"]):
                raise ValueError
            date.fromisoformat(row["date"])
        except ValueError:
            p(f"date {row['date']!r} is not YYYY-MM-DD")
        target = (data_dir / row["path"]).resolve()
        if not target.is_relative_to(data_dir.resolve()):
            p(f"path {row['path']!r} leaves the data directory")
        elif not target.is_file():
            p(f"source file {row['path']!r} not found")
        else:
            try:
                texts[sid] = target.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                p(f"source file {row['path']!r} is not UTF-8")
        if row["path_en"].strip() and sid in texts:
            _check_translation(data_dir, row["path_en"], texts[sid], sid, english, p)
    return texts


def _check_translation(data_dir: Path, path_en: str, original: str, sid: str, english: dict, p) -> None:
    target = (data_dir / path_en).resolve()
    if not target.is_relative_to(data_dir.resolve()):
        p(f"path_en {path_en!r} leaves the data directory")
    elif not target.is_file():
        p(f"translation {path_en!r} not found")
    else:
        try:
            text = target.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            p(f"translation {path_en!r} is not UTF-8")
            return
        if why := aligned_paragraphs(original, text):
            p(f"translation {path_en!r} is not line for line with its original: it {why}")
        else:
            english[sid] = text


def _check_indicator(line: int, row: dict, texts: dict[str, str], problems: list[Problem],
                     english: dict[str, str] | None = None) -> None:
    rid = row["id"].strip() or None
    p = lambda msg: problems.append(Problem(INDICATORS_FILE, line, rid, msg))  # noqa: E731
    for col in schema.REQUIRED:
        if not row[col].strip():
            p(f"{col} is empty")
    if rid and not re.fullmatch(schema.ID_PATTERN, rid):
        p(f"id {rid!r} is not a snake_case slug")
    if row["series"] and not re.fullmatch(schema.ID_PATTERN, row["series"]):
        p(f"series {row['series']!r} is not a snake_case slug")
    if row.get("plan_verdict"):
        # a verdict in words: the report's own words about the plan are quoted in the note and are in the source
        phrases = re.findall(r"[\u4e00-\u9fff,，、]{8,}", row["note"] or "")
        text = texts.get(row["source_id"], "")
        if row["kind"] != "actual" or not any(ph in text and "年度" in ph for ph in phrases):
            p("plan_verdict needs a result whose note quotes the report's words about the annual plan (…年度目标)")
    for col, allowed in schema.ENUMS.items():
        if row[col] and row[col] not in allowed:
            p(f"{col} {row[col]!r} is not one of: {', '.join(allowed)}")
    # ASCII digits only: Python reads ٢٠٢٠ as a number, DuckDB does not.
    if row["year"] and not re.fullmatch(r"(19|20)[0-9][0-9]", row["year"]):
        p(f"year {row['year']!r} is not a four-digit year")
    value_ok = True
    try:
        float(row["value"])
        if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", row["value"].strip()):
            raise ValueError
    except ValueError:
        value_ok = False
        if row["value"].strip():
            p(f"value {row['value']!r} is not a number")
    quote = row["source_quote"]
    if quote and not (schema.QUOTE_MIN <= len(quote) <= schema.QUOTE_MAX):
        p(f"source_quote has {len(quote)} characters, expected {schema.QUOTE_MIN}-{schema.QUOTE_MAX}")
    sid = row["source_id"]
    if sid and sid not in texts:
        p(f"source_id {sid!r} is not a readable row of {SOURCES_FILE}")
    elif quote and quote not in texts.get(sid, ""):
        p(f"source_quote not found in the source text: {quote!r}")
    if quote and value_ok and not value_in_quote(row["value"], quote):
        p(f"value {row['value']} does not appear in its source_quote {quote!r}")
    _check_quote_en(row, texts.get(sid, ""), (english or {}).get(sid), value_ok, p)
    _check_meaning(row, p)


def _check_quote_en(row: dict, original: str, translation: str | None, value_ok: bool, p) -> None:
    """source_quote_en is in the English paragraph that matches the Chinese quote's, and holds the value."""
    quote_en = row["source_quote_en"]
    if not quote_en.strip():
        return  # reported as empty by the REQUIRED check
    if not (schema.QUOTE_EN_MIN <= len(quote_en) <= schema.QUOTE_EN_MAX):
        p(f"source_quote_en has {len(quote_en)} characters, expected {schema.QUOTE_EN_MIN}-{schema.QUOTE_EN_MAX}")
    paragraph = paragraph_of(original, row["source_quote"]) if row["source_quote"] else None
    if translation is None:
        if original:
            p(f"source {row['source_id']!r} has no usable English translation (path_en) for source_quote_en")
    elif paragraph is not None and quote_en not in translation.split("\n")[paragraph]:
        where = "elsewhere in" if quote_en in translation else "not in"
        p(f"source_quote_en is {where} the English paragraph {paragraph + 1} that matches its source_quote: "
          f"{quote_en!r}")
    if missing := numbers_missing_in_english(row["source_quote"], quote_en):
        p(f"source_quote_en lacks number(s) {', '.join(missing)} of its source_quote")
    if value_ok and english_number_span(row["value"], row["unit"], quote_en) is None:
        scale = " or ".join(f"x{f} {w}" if w else f"x{f}" for f, w in
                            units.ENGLISH_SCALES.get(row["unit"], (("1", None),)))
        p(f"value {row['value']} {row['unit']} ({scale}) does not appear in its source_quote_en {quote_en!r}")


def _check_meaning(row: dict, p) -> None:
    """The typed columns agree with each other: bound with the qualifier, stock_flow and price_basis with the
    measure and unit, period with stock_flow."""
    qualifier, bound, measure = row["qualifier"], row["bound"], row["measure"]
    for word in schema.NOT_QUALIFIERS:
        if word in qualifier:
            p(f"qualifier {qualifier!r}: {word} is not a bound word; leave it to the quote")
    implied = {b for b, words in schema.BOUND_WORDS.items() if any(w in qualifier for w in words)}
    if len(implied) > 1:
        p(f"qualifier {qualifier!r} mixes bounds: {', '.join(sorted(implied))}")
    elif implied and bound != next(iter(implied)):
        p(f"bound {bound!r} contradicts qualifier {qualifier!r} ({next(iter(implied))})")
    elif not implied and any(w in qualifier for w, b in schema.QUALIFIER_BOUNDS.items() if b == "exact"):
        if bound not in ("", "exact"):  # 达到98%: the figure to reach, not a floor; no note can make it one
            p(f"bound {bound!r} contradicts qualifier {qualifier!r} (exact: it names the figure to reach)")
    elif not implied and bound not in ("", "exact") and not row["note"].strip():
        p(f"bound {bound!r} without a bound word in the qualifier needs a note saying why")
    expected_sf = schema.MEASURE_STOCK_FLOW.get(measure)
    if expected_sf and row["stock_flow"] and row["stock_flow"] != expected_sf:
        p(f"stock_flow {row['stock_flow']!r} for measure {measure}: expected {expected_sf}")
    if measure not in schema.MEASURE_STOCK_FLOW and row["stock_flow"] in ("rate", "rank"):
        p(f"stock_flow {row['stock_flow']!r} for measure {measure}: a level or count is a flow or a stock")
    allowed_periods = schema.STOCK_FLOW_PERIODS.get(row["stock_flow"], ())
    if measure in schema.CHANGE_MEASURES:  # growth of a year-end balance is read at year end
        allowed_periods = ("full_year", "jan_nov", "year_end")
    if row["stock_flow"] in schema.STOCK_FLOW_PERIODS and row["period"] and row["period"] not in allowed_periods:
        p(f"period {row['period']!r} for a {row['stock_flow']}: expected {' or '.join(allowed_periods)}")
    basis = row["price_basis"]
    money = measure == "level" and row["unit"] in units.MONEY_UNITS
    if basis and (measure in schema.PRICELESS_MEASURES or (measure == "level" and not money)) and basis != "none":
        p(f"price_basis {basis!r} for a {measure} in {row['unit']}: it has no price, expected none")
    if basis == "none" and money:
        p(f"price_basis 'none' for an amount of money ({row['unit']}): expected nominal or comparable")
    if basis == "not_stated" and measure not in schema.CHANGE_MEASURES:
        p(f"price_basis 'not_stated' for a {measure}: an amount as written is at current prices (nominal)")


def _sentences(text: str) -> list[str]:
    """The report's sentences, each up to and with its 。."""
    return re.split(r"(?<=。)", text)


def _check_paragraph_periods(rows: list[tuple[int, dict]], texts: dict[str, str], problems: list[Problem]) -> None:
    """A Jan–Nov figure whose own sentence does not say 1-11月 has its period read from the paragraph's opening
    1-11月, and its note says so (the pages mark it "per paragraph"); a figure whose sentence says it does not."""
    for line, row in rows:
        if row["period"] != "jan_nov" or not row["source_quote"]:
            continue
        text = texts.get(row["source_id"], "")
        sentence = next((s for s in _sentences(text) if row["source_quote"] in s), "")
        read = schema.PARAGRAPH_PERIOD in row["note"]
        if sentence and ("1-11月" in sentence) == read:
            says = ("says 1-11月 itself" if read
                    else f"does not say 1-11月: its note must say {schema.PARAGRAPH_PERIOD!r}")
            problems.append(Problem(INDICATORS_FILE, line, row["id"] or None, f"the figure's sentence {says}"))


def _check_caveats(rows: list[tuple[int, dict]], texts: dict[str, str], problems: list[Problem]) -> None:
    """A caveat the report gives (schema.CAVEATS: preliminary customs data, newly counted firms, a missed plan)
    travels with every figure it covers: the figures quoted from its sentence, and the results of the series it
    names, say it in their note."""
    for phrase, (words, series) in schema.CAVEATS.items():
        sentences = [s for text in texts.values() for s in _sentences(text) if phrase in s]
        if not sentences:
            problems.append(Problem(INDICATORS_FILE, None, None, f"caveat {phrase!r} is not in the source text"))
            continue
        for line, row in rows:
            quoted = row["source_quote"] and any(row["source_quote"] in s for s in sentences)
            if (quoted or (row["series"] in series and row["kind"] == "actual")) and words not in row["note"]:
                problems.append(Problem(INDICATORS_FILE, line, row["id"] or None,
                                        f"note lacks the report's caveat {words!r} ({phrase})"))


def _check_target_years(rows: list[tuple[int, dict]], source_rows, problems: list[Problem]) -> None:
    """A target is a number the report dates to its plan year, the year of the report (a 2021 plan report of
    2021-03-18 sets 2021 targets); only such targets get a status in the app. A plan without a year (继续推动…十大
    百亿产业集群, a set name) is not a target."""
    plan_year = {r["source_id"]: r["date"][:4] for _, r in source_rows}
    for line, row in rows:
        year = plan_year.get(row["source_id"])
        if row["kind"] == "target" and year and row["year"] != year:
            problems.append(Problem(INDICATORS_FILE, line, row["id"] or None,
                                    f"a target is dated to its report's plan year {year}, not {row['year']}"))


def _check_pairs(rows: list[tuple[int, dict]], problems: list[Problem]) -> None:
    """A result and next year's target of the same series and measure are compared in the app, so they must
    measure the same thing: same stock_flow, price_basis and unit."""
    targets = {(r["series"], r["measure"], r["year"]): (line, r) for line, r in rows if r["kind"] == "target"}
    for line, result in rows:
        if result["kind"] != "actual" or not result["year"].isdigit():
            continue
        paired = targets.get((result["series"], result["measure"], str(int(result["year"]) + 1)))
        if not paired:
            continue
        target_line, target = paired
        for col in schema.PAIR_MUST_MATCH:
            if result[col] != target[col]:
                problems.append(Problem(
                    INDICATORS_FILE, target_line, target["id"] or None,
                    f"paired with {result['id']} (line {line}) but {col} differs: {result[col]!r} vs "
                    f"{target[col]!r}; a different thing needs its own series"))


def _check_glossary(rows: list[tuple[int, dict]], texts: dict[str, str], indicators: list[tuple[int, dict]],
                    problems: list[Problem], english: dict[str, str] | None = None) -> None:
    """Every term filled in both languages, once, and used: in a source text or in the indicators; a number an
    explanation quotes is one the report writes, or is marked derived or a definition."""
    used_in = "\n".join(texts.values()) + "\n".join("\t".join(r.values()) for _, r in indicators)
    seen = Counter(r["term_zh"].strip() for _, r in rows)
    # every number the report writes, in the Chinese text or its English translation (66 of CNY 66 billion)
    report = [*texts.values(), *(english or {}).values()]
    written = {n.replace(",", "") for text in report for n in re.findall(r"\d+(?:[.,]\d+)*", text)}
    sentences = [s for text in report for s in re.split(r"[。；;！？\n]|(?<=\.)\s", text) if s]
    for line, row in rows:
        term = row["term_zh"].strip()
        p = lambda msg: problems.append(Problem(GLOSSARY_FILE, line, term or None, msg))  # noqa: E731
        for col in schema.GLOSSARY_COLUMNS:
            if not row[col].strip():
                p(f"{col} is empty")
        if term and seen[term] > 1:
            p("duplicate term_zh")
        if term and term not in used_in:
            p(f"term {term!r} is used neither in the report nor in the indicators")
        # ... and written where the report speaks of this term: a 15 found elsewhere in the report is no source
        # for a tax rate (a year, 2020, may stand anywhere)
        about = [s for s in sentences if term and (term in s or row["term_en"].strip().lower() in s.lower())]
        near = {n.replace(",", "") for s in about for n in re.findall(r"\d+(?:[.,]\d+)*", s)}
        for col, marks in schema.GLOSSARY_NUMBER_MARKS.items():
            if any(m in row[col].lower() for m in marks):
                continue
            numbers = [n for n in re.findall(r"\d+(?:[.,]\d+)*", row[col])]
            unwritten = [n for n in numbers if n.replace(",", "") not in written]
            elsewhere = [n for n in numbers if n.replace(",", "") not in near and not re.fullmatch(r"(19|20)\d\d", n)]
            if unwritten:
                p(f"{col} quotes {', '.join(unwritten)}, not in the report: mark it {' or '.join(marks)}")
            elif elsewhere:
                p(f"{col} quotes {', '.join(elsewhere)}, not in a sentence of the report about {term}: "
                  f"mark it {' or '.join(marks)}")
        if re.search(r"[\u4e00-\u9fff]", row["term_en"]):
            p(f"term_en {row['term_en']!r} is not in English")


def validate(data_dir: str | Path = "data") -> list[Problem]:
    """Every problem of the curated data in data_dir; an empty list means it is clean."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    source_rows = _read_table(data_dir / SOURCES_FILE, schema.SOURCE_COLUMNS, problems)
    english: dict[str, str] = {}
    texts = _check_sources(data_dir, source_rows or [], problems, english)
    rows = _read_table(data_dir / INDICATORS_FILE, schema.INDICATOR_COLUMNS, problems)
    if rows is None:
        return problems
    ids = Counter(r["id"] for _, r in rows)
    keys = Counter(tuple(r[c] for c in schema.NATURAL_KEY) for _, r in rows)
    for line, row in rows:
        _check_indicator(line, row, texts, problems, english)
        if row["id"] and ids[row["id"]] > 1:
            problems.append(Problem(INDICATORS_FILE, line, row["id"], "duplicate id"))
        key = tuple(row[c] for c in schema.NATURAL_KEY)
        if keys[key] > 1:
            problems.append(Problem(INDICATORS_FILE, line, row["id"] or None,
                                    "duplicate (series, year, kind, measure, period): " + ", ".join(key)))
    _check_pairs(rows, problems)
    _check_target_years(rows, source_rows or [], problems)
    _check_caveats(rows, texts, problems)
    _check_paragraph_periods(rows, texts, problems)
    glossary = _read_table(data_dir / GLOSSARY_FILE, schema.GLOSSARY_COLUMNS, problems)
    _check_glossary(glossary or [], texts, rows, problems, english)
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0] if args else "data")
    problems = validate(data_dir)
    if problems:
        print(f"{data_dir}: {len(problems)} problem(s)")
        for problem in problems:
            print(f"  {problem}")
        return 1
    rows = sum(1 for _ in open(data_dir / INDICATORS_FILE, encoding="utf-8")) - 1
    print(f"{data_dir}: OK, {rows} indicators, every quote found in its source with its number")
    return 0


if __name__ == "__main__":
    sys.exit(main())
