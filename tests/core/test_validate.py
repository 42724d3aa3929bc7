"""The validator passes on the real data and locates each kind of fault."""

import csv
import subprocess
import sys
import time

import pytest

from jiangbei.app import db
from jiangbei.core import schema
from jiangbei.core.validate import (
    MAX_FILE_BYTES,
    chinese_numeral,
    english_number_span,
    numbers_missing_in_english,
    validate,
    value_in_quote,
)
from tests.apptest import open_page, visible_text
from tests.conftest import DATA, ROOT


def read_rows(data_dir):
    with open(data_dir / "indicators.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(data_dir, rows, columns=schema.INDICATOR_COLUMNS):
    with open(data_dir / "indicators.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def break_row(data_dir, row_id, **changes):
    rows = read_rows(data_dir)
    line = next(i for i, r in enumerate(rows) if r["id"] == row_id) + 2  # header is line 1
    rows[line - 2].update(changes)
    write_rows(data_dir, rows)
    return line


def test_real_data_is_clean():
    assert validate(DATA) == []


def test_real_data_size_and_coverage():
    rows = read_rows(DATA)
    assert len(rows) >= 180
    assert {r["topic"] for r in rows} == set(schema.TOPICS)
    assert {r["kind"] for r in rows} == {"actual", "target"}


def test_cli_exit_status(data_copy):
    ok = subprocess.run([sys.executable, "-m", "jiangbei.core.validate", str(DATA)], cwd=ROOT,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    break_row(data_copy, "gdp_2020", value="661")
    bad = subprocess.run([sys.executable, "-m", "jiangbei.core.validate", str(data_copy)], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert "gdp_2020" in bad.stdout and "661" in bad.stdout


@pytest.mark.parametrize(
    "row_id, changes, expected",
    [
        ("gdp_2020", {"value": "661"}, "does not appear in its source_quote"),
        ("gdp_2020", {"source_quote": "全区地区生产总值突破670亿元"}, "not found in the source text"),
        ("gdp_2020", {"value": "six hundred"}, "is not a number"),
        ("gdp_2020", {"value": ""}, "value is empty"),
        ("gdp_2020", {"topic": "economy"}, "topic 'economy' is not one of"),
        ("gdp_2020", {"kind": "forecast"}, "kind 'forecast' is not one of"),
        ("gdp_2020", {"measure": "pct"}, "measure 'pct' is not one of"),
        ("gdp_2020", {"period": "h1"}, "period 'h1' is not one of"),
        ("gdp_2020", {"indicator_en": " "}, "indicator_en is empty"),
        ("gdp_2020", {"indicator_zh": ""}, "indicator_zh is empty"),
        ("gdp_2020", {"source_id": "nowhere"}, "source_id 'nowhere' is not"),
        ("gdp_2020", {"year": "20x0"}, "not a four-digit year"),
        ("gdp_2020", {"source_quote": "660亿元"}, "expected 8-80"),
        ("gdp_2020", {"id": "GDP 2020"}, "not a snake_case slug"),
        ("new_urban_jobs_2020", {"value": "1028"}, "does not appear"),  # a number inside a longer one
        # the typed columns: enumerations
        ("gdp_2020", {"price_basis": "real"}, "price_basis 'real' is not one of"),
        ("gdp_2020", {"stock_flow": "balance"}, "stock_flow 'balance' is not one of"),
        ("gdp_2020", {"bound": "over"}, "bound 'over' is not one of"),
        ("gdp_2020", {"bound": ""}, "bound is empty"),
        # bound and qualifier agree; 累计 is no bound word
        ("gdp_2020", {"bound": "exact"}, "contradicts qualifier '突破' (at_least)"),
        ("gdp_2020", {"qualifier": "最多"}, "contradicts qualifier '最多' (at_most)"),
        ("gdp_2020", {"qualifier": "突破…最多"}, "mixes bounds"),
        ("new_urban_jobs_2020", {"bound": "at_least"}, "needs a note saying why"),
        # the report's caveats travel with every figure they cover (schema.CAVEATS)
        ("cbec_exports_2020", {"note": "part of the district's exports"}, "lacks the report's caveat 'preliminary"),
        ("exports_growth_2020", {"note": "at current prices (nominal)"}, "lacks the report's caveat 'newly counted"),
        # a part of the customs exports in the next sentence (growth to the EU) is preliminary too
        ("exports_eu_growth_2020", {"note": "at current prices (nominal)"}, "lacks the report's caveat 'preliminary"),
        ("gdp_growth_2020", {"note": "price basis not stated"}, "lacks the report's caveat '难以完成年度目标'"),
        # 达到 names the figure to reach: exact, and no note can make it a floor
        ("pension_coverage_target_2021", {"bound": "at_least", "note": "a floor"}, "(exact: it names the figure"),
        ("rd_intensity_target_2021", {"bound": "at_most"}, "(exact: it names the figure"),
        ("relief_funds_2020", {"qualifier": "累计", "note": ""}, "累计 is not a bound word"),
        # stock_flow follows the measure; a stock is read at a point in time
        ("gdp_growth_2020", {"stock_flow": "stock"}, "for measure yoy_growth_pct: expected flow"),
        ("unemployment_rate_2020", {"stock_flow": "stock"}, "for measure share_pct: expected rate"),
        ("fai_2020", {"stock_flow": "rate"}, "a level or count is a flow or a stock"),
        ("hightech_firms_2020", {"period": "full_year"}, "period 'full_year' for a stock"),
        ("fai_2020", {"period": "year_end"}, "period 'year_end' for a flow"),
        # price_basis: money has a price basis, counts and shares none
        ("fai_2020", {"price_basis": "none"}, "expected nominal or comparable"),
        ("new_urban_jobs_2020", {"price_basis": "nominal"}, "it has no price, expected none"),
        ("rd_intensity_2020", {"price_basis": "comparable"}, "it has no price, expected none"),
        # a result and its target must measure the same thing (the fault is reported on the target)
        ("hightech_firms_target_2021", {"stock_flow": "flow", "period": "full_year"},
         "paired with hightech_firms_2020 (line"),
        ("fai_target_2021", {"price_basis": "comparable"}, "but price_basis differs: 'nominal' vs 'comparable'"),
        ("new_urban_jobs_target_2021", {"unit": "万人"}, "but unit differs: '人' vs '万人'"),
    ],
)
def test_fault_is_named_and_located(data_copy, row_id, changes, expected):
    line = break_row(data_copy, row_id, **changes)
    problems = validate(data_copy)
    assert problems, "fault was not caught"
    hit = [p for p in problems if expected in p.message]
    assert hit, [str(p) for p in problems]
    assert hit[0].file == "indicators.csv" and hit[0].line == line
    assert hit[0].row_id == changes.get("id", row_id)
    assert str(line) in str(hit[0]) and hit[0].row_id in str(hit[0])


def test_duplicate_id(data_copy):
    rows = read_rows(data_copy)
    rows[5]["id"] = rows[4]["id"]
    write_rows(data_copy, rows)
    dupes = [p for p in validate(data_copy) if p.message == "duplicate id"]
    assert {p.line for p in dupes} == {6, 7}
    assert all(p.row_id == rows[4]["id"] for p in dupes)


def test_duplicate_natural_key(data_copy):
    rows = read_rows(data_copy)
    copy = dict(rows[0], id="gdp_2020_again")
    write_rows(data_copy, rows + [copy])
    problems = [p for p in validate(data_copy) if "duplicate (series" in p.message]
    assert {p.row_id for p in problems} == {"gdp_2020", "gdp_2020_again"}


def test_missing_column(data_copy):
    rows = read_rows(data_copy)
    write_rows(data_copy, rows, [c for c in schema.INDICATOR_COLUMNS if c != "unit_en"])
    problems = validate(data_copy)
    assert len(problems) == 1
    assert problems[0].line == 1 and "missing column(s): unit_en" in problems[0].message


def test_columns_out_of_order(data_copy):
    # the database reads the CSV's columns by position, so a swapped pair would put bounds under price_basis
    columns = list(schema.INDICATOR_COLUMNS)
    i, j = columns.index("price_basis"), columns.index("bound")
    columns[i], columns[j] = columns[j], columns[i]
    write_rows(data_copy, read_rows(data_copy), columns)
    problems = validate(data_copy)
    assert len(problems) == 1 and problems[0].line == 1 and "columns out of order" in problems[0].message


def qualifier_bound(qualifier):
    """The bound the one table (schema.QUALIFIER_BOUNDS) gives a qualifier: a bound word decides, else an exact word
    (达到) makes it exact, else None (no bound word: exact unless the note says why)."""
    found = {b for w, b in schema.QUALIFIER_BOUNDS.items() if w in qualifier}
    bounds = found - {"exact"}
    return bounds.pop() if len(bounds) == 1 else ("exact" if found == {"exact"} else None)


def test_every_bound_follows_its_wording_by_the_one_table():
    rows = read_rows(DATA)
    worded = [r for r in rows if qualifier_bound(r["qualifier"])]
    assert any("达到" in r["qualifier"] for r in worded)
    for r in worded:
        assert r["bound"] == qualifier_bound(r["qualifier"]), (r["id"], r["qualifier"], r["bound"])
    # 达到 alone never makes a floor; 力争达到…以上 is one through 以上
    assert {r["bound"] for r in rows if "达到" in r["qualifier"] and "以上" not in r["qualifier"]} == {"exact"}
    for r in rows:  # a bound with no bound word says why in its note
        if qualifier_bound(r["qualifier"]) is None and r["bound"] != "exact":
            assert r["note"].strip(), r["id"]


def test_every_caveat_of_the_table_is_in_the_report_and_on_every_figure_it_covers():
    import re

    text = (DATA / "source" / "jiangbei-2020-plan-report.zh.txt").read_text(encoding="utf-8")
    rows = read_rows(DATA)
    for phrase, (words, series) in schema.CAVEATS.items():
        sentences = [s for s in re.split(r"(?<=。)", text) if phrase in s]
        assert sentences, phrase
        covered = [r for r in rows if any(r["source_quote"] in s for s in sentences)
                   or (r["series"] in series and r["kind"] == "actual")]
        assert covered, phrase
        assert all(words in r["note"] for r in covered), phrase
    # the customs figures are each preliminary: the whole sentence, not only the headline exports
    assert sum(schema.CAVEATS["根据海关初步数据"][0] in r["note"] for r in rows) >= 12
    # the exports' parts by destination are customs figures; the e-commerce caveat is the total's, as the report says
    by_series = {r["series"]: r for r in rows if r["kind"] == "actual"}
    for series in ("exports_eu", "exports_us", "exports_asean", "exports_belt_road"):
        assert schema.CAVEATS["根据海关初步数据"][0] in by_series[series]["note"], series
        assert schema.CAVEATS["电商新增企业数据贡献"][0] not in by_series[series]["note"], series


def test_a_caveat_missing_from_the_report_is_reported(data_copy, monkeypatch):
    monkeypatch.setitem(schema.CAVEATS, "一次性因素", ("one-off", ()))
    assert any("caveat '一次性因素' is not in the source text" in p.message for p in validate(data_copy))


def test_every_pair_of_the_real_data_measures_the_same_thing():
    rows = read_rows(DATA)
    targets = {(r["series"], r["measure"], r["year"]): r for r in rows if r["kind"] == "target"}
    pairs = [(a, targets[(a["series"], a["measure"], str(int(a["year"]) + 1))]) for a in rows
             if a["kind"] == "actual" and (a["series"], a["measure"], str(int(a["year"]) + 1)) in targets]
    assert len(pairs) >= 20
    assert all(a[c] == t[c] for a, t in pairs for c in schema.PAIR_MUST_MATCH)


def test_the_audit_rules_hold_in_the_real_data():
    rows = {r["id"]: r for r in read_rows(DATA)}
    # 力争 governs the whole list 力争…突破25亿元、高新技术企业超过170家,科技型中小企业达到1800家
    assert all(rows[i]["qualifier"].startswith("力争") for i in
               ("rd_expenditure_target_2021", "hightech_firms_target_2021", "tech_smes_target_2021"))
    assert not any("累计" in r["qualifier"] for r in rows.values())
    # the services paragraph opens with 1-11月
    assert {rows[i]["period"] for i in ("services_revenue_2020", "deposits_2020", "housing_sales_value_2020")} == \
        {"jan_nov"}
    assert rows["land_sale_revenue_2020"]["period"] == "full_year"  # parcels sold in 2020
    assert "demolition_signing_rate_2020" not in rows  # a 100 % that only defines the 17 projects
    assert rows["old_communities_renovated_2020"]["series"] != rows["old_communities_target_2021"]["series"]
    # the report never says 按可比价: GDP growth's basis is not stated (the note gives the NBS convention), the
    # level in 亿元 is at current prices
    assert (rows["gdp_growth_2020"]["price_basis"], rows["gdp_2020"]["price_basis"]) == ("not_stated", "nominal")
    assert "comparable prices" in rows["gdp_growth_2020"]["note"]


def test_missing_file(data_copy):
    (data_copy / "indicators.csv").unlink()
    problems = validate(data_copy)
    assert [p.file for p in problems] == ["indicators.csv"] and "missing" in problems[0].message


def test_missing_source_text(data_copy):
    for f in (data_copy / "source").iterdir():
        f.unlink()
    problems = validate(data_copy)
    assert any(p.file == "sources.csv" and "not found" in p.message for p in problems)
    assert any(p.file == "indicators.csv" and "source_id" in p.message for p in problems)


def test_empty_file(data_copy):
    (data_copy / "indicators.csv").write_text("")
    problems = validate(data_copy)
    assert len(problems) == 1 and problems[0].message == "file is empty"


def test_not_utf8(data_copy):
    path = data_copy / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    problems = validate(data_copy)
    assert len(problems) == 1 and "not UTF-8" in problems[0].message
    assert problems[0].line == 2  # the first Chinese character is on the first data row


def test_ragged_row(data_copy):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate(data_copy)
    assert len(problems) == 1 and problems[0].line == 4 and "fields, expected" in problems[0].message


@pytest.mark.parametrize("numeral, value", [("四", 4), ("十", 10), ("十八", 18), ("两", 2), ("千", 1000),
                                            ("一百五十", 150), ("一万二千", 12000), ("九", 9)])
def test_chinese_numerals(numeral, value):
    assert chinese_numeral(numeral) == value


def test_value_in_quote_rules():
    assert value_in_quote("-20.6", "分别同比下降20.6%、6.5%")
    assert value_in_quote("1000", "限上商品销售额突破千亿元大关")
    assert value_in_quote("7", "创业带动就业比例达到1:7")
    assert not value_in_quote("7", "同比增长7.0%")  # 7.0 as written must be stored as 7.0
    assert not value_in_quote("2", "同比增长12.8%")


def test_english_number_rules():
    assert english_number_span("660", "亿元", "exceeded CNY 66 billion") == (13, 15)
    assert english_number_span("3.3", "亿元", "funds of CNY 330 million") == (13, 16)
    assert english_number_span("22.0", "亿元", "premium income of CNY 2.2 billion") is not None
    assert english_number_span("133.3", "万平方米", "sold 1,333,000 square metres") == (5, 14)
    assert english_number_span("10288", "人", "10,288 new urban jobs") == (0, 6)
    assert english_number_span("-20.6", "%", "fell 20.6% and 6.5%") == (5, 9)
    assert english_number_span("660", "亿元", "exceeded CNY 660 billion") is None  # not scaled
    assert english_number_span("660", "亿元", "exceeded CNY 66 million") is None  # wrong scale word
    assert english_number_span("2", "名", "ranking 12th") is None  # a number inside a longer one
    assert numbers_missing_in_english("1-11月营业收入2430.1亿元", "From January to November, CNY 243.01 billion") == []
    assert numbers_missing_in_english("81个重点项目完成投资160亿元", "81 key projects invested CNY 16 billion") == []
    assert numbers_missing_in_english("81个重点项目完成投资160亿元", "key projects invested CNY 16 billion") == ["81"]


def english_path(data_dir):
    return data_dir / "source" / "jiangbei-2020-plan-report.en.txt"


@pytest.mark.parametrize(
    "row_id, changes, expected",
    [
        ("gdp_2020", {"source_quote_en": ""}, "source_quote_en is empty"),
        ("gdp_2020", {"source_quote_en": "GDP exceeded CNY 67 billion"}, "not in the English paragraph 11"),
        # a sentence of the translation, but of another paragraph than the Chinese quote's
        ("gdp_2020", {"source_quote_en": "81 key projects completed investment of CNY 16 billion in the year"},
         "elsewhere in the English paragraph 11"),
        ("gdp_2020", {"source_quote_en": "The district's gross domestic product (GDP)"},
         "value 660 亿元 (x0.1 billion or x100 million) does not appear"),
        ("fdi_2020", {"value": "11978"}, "does not appear in its source_quote_en"),
        ("gdp_2020", {"source_quote_en": "GDP"}, "expected 8-240"),
        # the English drops a number of the Chinese quote (here 3.4%), although the row's own value is there
        ("gdp_growth_2020", {"source_quote_en": "gross domestic product (GDP) exceeded CNY 66 billion, up"},
         "lacks number(s) 3.4 of its source_quote"),
    ],
)
def test_english_fault_is_named_and_located(data_copy, row_id, changes, expected):
    line = break_row(data_copy, row_id, **changes)
    hit = [p for p in validate(data_copy) if expected in p.message]
    assert hit, [str(p) for p in validate(data_copy)]
    assert hit[0].file == "indicators.csv" and hit[0].line == line and hit[0].row_id == row_id


def test_english_value_must_be_scaled(data_copy):
    """The translation itself writes 660 亿元 as "CNY 660 billion": found in the text, but the wrong amount."""
    path = english_path(data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("CNY 66 billion", "CNY 660 billion"), encoding="utf-8")
    break_row(data_copy, "gdp_2020",
              source_quote_en="The district's gross domestic product (GDP) exceeded CNY 660 billion")
    messages = [p.message for p in validate(data_copy) if p.row_id == "gdp_2020"]
    assert len(messages) == 1 and "does not appear in its source_quote_en" in messages[0]


def test_translation_out_of_line(data_copy):
    path = english_path(data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n", 1), encoding="utf-8")
    problems = validate(data_copy)
    assert [p.file for p in problems if "line for line" in p.message] == ["sources.csv"]
    assert "has 100 lines, the original 101" in str(problems)
    # without a usable translation, every row's English quote is reported
    assert sum("no usable English translation" in p.message for p in problems) == len(read_rows(data_copy))


def test_translation_blank_line_moved(data_copy):
    path = english_path(data_copy)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5], lines[6] = lines[6], lines[5]  # the heading of part I and the blank line before it swap places
    path.write_text("\n".join(lines), encoding="utf-8")
    assert any("line 6 has text where the original's is empty" in p.message for p in validate(data_copy))


def test_translation_missing(data_copy):
    english_path(data_copy).unlink()
    assert any(p.file == "sources.csv" and "translation" in p.message and "not found" in p.message
               for p in validate(data_copy))


def read_glossary(data_dir):
    with open(data_dir / "glossary.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_glossary(data_dir, rows):
    with open(data_dir / "glossary.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=schema.GLOSSARY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("changes, expected", [
    ({"explanation_en": ""}, "explanation_en is empty"),
    ({"term_zh": "火星开发区"}, "used neither in the report nor in the indicators"),
    ({"term_en": "above 规模"}, "is not in English"),
    # a number the report does not write (−44.7, computed) is marked derived, or a constant by definition
    ({"explanation_zh": "如增速由-44.7%收窄到-20.6%为24.1个百分点。"}, "explanation_zh quotes 44.7, not in the report"),
    ({"explanation_en": "from −44.7 % to −20.6 % is 24.1 pp"}, "explanation_en quotes 44.7, not in the report"),
])
def test_glossary_fault_is_named_and_located(data_copy, changes, expected):
    rows = read_glossary(data_copy)
    rows[2].update(changes)
    write_glossary(data_copy, rows)
    [problem] = validate(data_copy)
    assert problem.file == "glossary.csv" and problem.line == 4 and expected in problem.message


def test_a_glossary_number_written_elsewhere_in_the_report_is_no_source_for_the_term(data_copy):
    """高新技术企业 taxed at 15 % instead of 25 %: both numbers stand somewhere in the report, never where it speaks
    of high-tech enterprises, so unmarked they would read as the report's; the validator asks for the mark."""
    rows = read_glossary(data_copy)
    line, row = next((i + 2, r) for i, r in enumerate(rows) if r["term_zh"] == "高新技术企业")
    row["explanation_en"] = "Firms certified as national high-tech enterprises, taxed at 15 % instead of 25 %."
    write_glossary(data_copy, rows)
    [problem] = validate(data_copy)
    assert (problem.file, problem.line) == ("glossary.csv", line)
    assert "quotes 15, not in a sentence of the report about 高新技术企业" in problem.message


def test_the_percentage_points_entry_has_an_example_and_marks_what_it_computes():
    import re

    text = (DATA / "source" / "jiangbei-2020-plan-report.zh.txt").read_text(encoding="utf-8")
    written = set(re.findall(r"\d+(?:\.\d+)?", text))
    entry = next(r for r in read_glossary(DATA) if r["term_zh"] == "个百分点")
    for col, marks in schema.GLOSSARY_NUMBER_MARKS.items():
        numbers = re.findall(r"\d+(?:\.\d+)?", entry[col])
        assert any(n in written for n in numbers), col  # an example quoting the report
        if any(n not in written for n in numbers):
            assert any(m in entry[col].lower() for m in marks), col


def test_glossary_duplicate_and_missing(data_copy):
    rows = read_glossary(data_copy)
    write_glossary(data_copy, rows + [rows[0]])
    assert {p.message for p in validate(data_copy)} == {"duplicate term_zh"}
    (data_copy / "glossary.csv").unlink()
    [problem] = validate(data_copy)
    assert problem.file == "glossary.csv" and "missing" in problem.message


def test_glossary_explains_the_china_specific_terms():
    terms = {r["term_zh"] for r in read_glossary(DATA)}
    assert {"规上", "限上", "亩", "三改", "浙商回归", "两直", "甬易办", "最多跑一次", "亿元", "万元", "个百分点",
            "增容调绿", "万分之", "1-11月", "力争", "突破", "可比价"} <= terms


# One English wording per concept: a row whose Chinese name holds the term says it this way in English.
ONE_TERM = {
    "规上": "above designated size",
    "限上": "wholesale and retail enterprises above designated size",
    "实际利用外资": "foreign capital actually utilized",
    "自营出口": "self-operated exports",
    "大市外内资": "domestic capital from outside ningbo",
    "浙商回归": "returning zhejiang entrepreneurs",
    "全社会固定资产投资": "total fixed-asset investment",
    "增容调绿": "floor",
    "优良率": "share of days",
    "社会消费品零售": "total retail sales of consumer goods",
    "参保率": "participation rate",  # 覆盖率 is coverage
    "营业收入": "operating revenue",
    "营业额": "turnover",
    "精品村": "premium",
    "科技型中小企业": "technology-based smes",
    "一般企业投资项目": "ordinary enterprise investment projects",
}


@pytest.mark.parametrize("term_zh, term_en", ONE_TERM.items())
def test_one_english_wording_per_concept(term_zh, term_en):
    rows = [r for r in read_rows(DATA) if term_zh in r["indicator_zh"]]
    assert rows, term_zh
    assert [r["id"] for r in rows if term_en not in r["indicator_en"].lower()] == []
    assert not any("greening" in r["indicator_en"].lower() for r in read_rows(DATA))


def test_a_target_is_named_like_its_result():
    rows = read_rows(DATA)
    results = {(r["series"], r["measure"]): r["indicator_en"] for r in rows if r["kind"] == "actual"}
    targets = [r for r in rows if r["kind"] == "target"]
    assert all(r["indicator_en"].endswith(", target") for r in targets)
    paired = [r for r in targets if (r["series"], r["measure"]) in results]
    assert len(paired) >= 20
    assert [r["id"] for r in paired if r["indicator_en"] != results[r["series"], r["measure"]] + ", target"] == []


# --- Issue 11: the header is checked by name and order (DuckDB reads columns by position), dates are ISO,
# oversized files are refused before parsing, and anything that fails while loading gives the error page.

def swapped(columns, a, b):
    columns = list(columns)
    i, j = columns.index(a), columns.index(b)
    columns[i], columns[j] = columns[j], columns[i]
    return columns


def write_header(data_dir, header):
    """The same rows under another header line (the fields stay in the schema's order)."""
    path = data_dir / "indicators.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] = ",".join(header)
    path.write_text("\n".join(lines), encoding="utf-8")


BREAKAGES = {
    "swapped unit and unit_en": lambda d: write_header(d, swapped(schema.INDICATOR_COLUMNS, "unit", "unit_en")),
    "duplicate header": lambda d: write_header(d, [c if c != "note" else "unit" for c in schema.INDICATOR_COLUMNS]),
    "moved column": lambda d: write_rows(d, read_rows(d), [*schema.INDICATOR_COLUMNS[1:], "id"]),
    "non-ISO date": lambda d: (d / "sources.csv").write_text(
        (d / "sources.csv").read_text(encoding="utf-8").replace("2021-03-18", "20210318"), encoding="utf-8"),
    "slashed date": lambda d: (d / "sources.csv").write_text(
        (d / "sources.csv").read_text(encoding="utf-8").replace("2021-03-18", "2021/03/18"), encoding="utf-8"),
    "arabic-indic year": lambda d: break_row(d, "gdp_2020", year="202٠"),
}
EXPECTED = {
    "swapped unit and unit_en": "columns out of order: unit (column 12, expected 11), unit_en (column 11",
    "duplicate header": "duplicate column(s): unit",
    "moved column": f"columns out of order: id (column {len(schema.INDICATOR_COLUMNS)}, expected 1)",
    "non-ISO date": "date '20210318' is not YYYY-MM-DD",
    "slashed date": "date '2021/03/18' is not YYYY-MM-DD",
    "arabic-indic year": "year '202٠' is not a four-digit year",
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_header_order_and_dates_are_checked(data_copy, breakage):
    BREAKAGES[breakage](data_copy)
    messages = [p.message for p in validate(data_copy)]
    assert any(EXPECTED[breakage] in m for m in messages), messages


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_each_breakage_gives_the_error_page_in_both_languages(data_copy, monkeypatch, breakage):
    BREAKAGES[breakage](data_copy)
    monkeypatch.setenv("JIANGBEI_DATA_DIR", str(data_copy))
    for lang, title in (("en", "failed validation"), ("zh", "数据未通过校验")):
        at = open_page("economy", lang)
        assert not at.exception
        assert title in at.error[0].value
        assert EXPECTED[breakage] in at.code[0].value


def test_the_header_check_follows_the_schema(data_copy, monkeypatch):
    # A column added to the schema (and to the CSV's end) is expected in that place by name.
    monkeypatch.setattr(schema, "INDICATOR_COLUMNS", [*schema.INDICATOR_COLUMNS, "code"])
    problems = validate(data_copy)
    assert [p.message for p in problems] == ["missing column(s): code"]


def test_an_oversized_file_is_refused_before_it_is_read(data_copy):
    path = data_copy / "indicators.csv"
    with open(path, "r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, so reading it would be the slow part
    started = time.perf_counter()
    problems = validate(data_copy)
    assert time.perf_counter() - started < 1
    assert [p.message for p in problems] == [f"file is too large ({MAX_FILE_BYTES + 1:,} bytes, at most "
                                             f"{MAX_FILE_BYTES:,})"]


def test_a_database_that_fails_to_load_gives_the_error_page(data_copy, monkeypatch):
    # A fault the validator does not know of: its verdict is replaced by "clean", the load itself is real DuckDB.
    break_row(data_copy, "gdp_2020", year="202٠")
    monkeypatch.setattr(db, "validate", lambda directory: [])
    monkeypatch.setenv("JIANGBEI_DATA_DIR", str(data_copy))
    for lang in ("en", "zh"):
        at = open_page("trade", lang)
        assert not at.exception
        assert "loading failed: ConversionException" in at.code[0].value
        assert "Traceback" not in visible_text(at)


def test_every_growth_rate_says_its_price_basis_and_never_asserts_real_the_report_does_not_state():
    """Rule: a growth rate of money is nominal or not_stated; the report never writes 按可比价, so no row says
    comparable, and every not_stated row's note says what the convention would be."""
    import csv
    with open(DATA / "indicators.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    report = (DATA / "source" / "jiangbei-2020-plan-report.zh.txt").read_text(encoding="utf-8")
    growth = [r for r in rows if r["measure"] == "yoy_growth_pct"]
    assert growth and all(r["price_basis"] in ("nominal", "not_stated", "none") for r in growth)
    if "可比价" not in report:
        assert not [r["id"] for r in rows if r["price_basis"] == "comparable"]
    assert all("not stated" in r["note"] for r in rows if r["price_basis"] == "not_stated")


def test_a_plan_verdict_needs_the_reports_words_about_the_plan(data_copy):
    """Rule: plan_verdict (beat / missed in words) only on a result whose note quotes the report's sentence."""
    import pandas as pd

    frame = pd.read_csv(data_copy / "indicators.csv", dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "fai_2020", "plan_verdict"] = "missed"
    frame.to_csv(data_copy / "indicators.csv", index=False)
    problems = [p for p in validate(data_copy) if p.row_id == "fai_2020"]
    assert any("plan_verdict" in p.message for p in problems)


def test_a_target_must_be_dated_to_the_reports_plan_year(data_copy):
    """Rule: only targets the report dates to its plan year (2021) are targets, so only they get a status."""
    import pandas as pd

    frame = pd.read_csv(data_copy / "indicators.csv", dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "fai_target_2021", "year"] = "2022"
    frame.to_csv(data_copy / "indicators.csv", index=False)
    problems = [p for p in validate(data_copy) if p.row_id == "fai_target_2021"]
    assert any("plan year 2021" in p.message for p in problems)


@pytest.mark.parametrize("row_id, note", [
    ("housing_sales_value_2020", "Jan–Nov"),  # its sentence has no 1-11月: the note must say it is read
    ("services_revenue_2020", "period read from the paragraph's 1-11月"),  # its sentence says 1-11月 itself
])
def test_a_jan_nov_period_says_whether_its_sentence_or_its_paragraph_gives_it(data_copy, row_id, note):
    """Rule: a Jan–Nov figure whose own sentence lacks 1-11月 has it from the paragraph's opening, and its note says
    so (the pages mark "per paragraph"); one whose sentence says 1-11月 does not claim that."""
    import pandas as pd

    assert not [p for p in validate(data_copy) if "1-11月" in p.message]
    frame = pd.read_csv(data_copy / "indicators.csv", dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == row_id, "note"] = note
    frame.to_csv(data_copy / "indicators.csv", index=False)
    assert [p for p in validate(data_copy) if p.row_id == row_id and "1-11月" in p.message]


# A note's words that date its figure -> the periods they agree with; "at the time of the report" has no period code,
# so a row dated so would show a period its note contradicts (listed firms: "Year end" beside "at the time of the
# report", seventh reading N4).
NOTE_DATES = {"year end": ("year_end",), "end of November": ("jan_nov",), "Jan–Nov": ("jan_nov",),
              "at the time of the report": (), "截至报告": ()}


def test_a_note_that_dates_its_figure_agrees_with_its_period():
    rows = read_rows(DATA)
    dated = 0
    for r in rows:
        for words, periods in NOTE_DATES.items():
            if words in r["note"]:
                assert r["period"] in periods, (r["id"], r["period"], words)
                dated += 1
    assert dated >= 8
    listed = next(r for r in rows if r["id"] == "listed_firms_2020")
    assert listed["period"] == "year_end" and "no date in the report" in listed["note"]
