"""The explorer and the source view in AppTest: URL state round-trips, facets, search, sort, bad parameters."""

import csv

import pytest

from jiangbei.core import source_text, store
from tests.apptest import ignored_params, open_page, visible_text
from tests.conftest import DATA

with open(DATA / "indicators.csv", encoding="utf-8") as f:
    ROWS = list(csv.DictReader(f))


def table(at):
    return at.dataframe[0].value


def report_html(at) -> str:
    return next(e.proto.body for e in at.get("html") if 'class="report ' in e.proto.body)


def test_shared_url_shows_the_english_trade_rows():
    at = open_page("explorer", "en", {"topic": "trade"})
    assert not at.exception
    df = table(at)
    assert len(df) == sum(r["topic"] == "trade" for r in ROWS)
    assert "Indicator" in df.columns and set(df["Indicator"]) == {r["indicator_en"] for r in ROWS
                                                                  if r["topic"] == "trade"}


def test_several_values_of_one_filter():
    at = open_page("explorer", "en", {"topic": ["trade", "consumption"], "kind": "target"})
    expected = [r for r in ROWS if r["topic"] in ("trade", "consumption") and r["kind"] == "target"]
    assert len(table(at)) == len(expected) > 0


def test_filters_set_in_the_page_go_to_the_url_and_back():
    at = open_page("explorer", "en")
    at.multiselect(key="explorer_year").set_value(["2021"]).run()
    at.multiselect(key="explorer_measure").set_value(["level"]).run()
    at.text_input(key="explorer_q").set_value("trade").run()
    at.selectbox(key="explorer_sort").set_value("value").run()
    at.selectbox(key="explorer_order").set_value("desc").run()
    params = dict(at.query_params)
    assert params["year"] in ("2021", ["2021"]) and params["measure"] in ("level", ["level"])
    assert params["q"] == "trade" and params["sort"] == "value" and params["order"] == "desc"
    first = table(at)
    again = open_page("explorer", None, params)
    pd_equal = again.dataframe[0].value.reset_index(drop=True).equals(first.reset_index(drop=True))
    assert pd_equal and len(first) > 0
    assert list(first["Value"]) == sorted(first["Value"], reverse=True)


def test_search_looks_in_names_and_quotes():
    at = open_page("explorer", "zh", {"q": "出口"})
    expected = [r for r in ROWS if "出口" in r["indicator_zh"] or "出口" in r["source_quote"]
                or "出口" in r["indicator_en"].lower() or "出口" in r["note"]]
    assert len(table(at)) == len(expected) > 0


def test_columns_and_row_count():
    at = open_page("explorer", "en", {"cols": ["id", "value"], "rows": "25"})
    df = table(at)
    # in English the report's own figure follows the value (134.5 亿元 beside 13.45 CNY bn)
    assert list(df.columns) in (["Value", "As reported", "ID"], ["ID", "Value", "As reported"])
    assert len(df) == 25


def test_facet_counts_stand_beside_the_options_not_in_them():
    at = open_page("explorer", "en", {"topic": "trade"})
    kinds = at.multiselect(key="explorer_kind")
    trade = [r for r in ROWS if r["topic"] == "trade"]
    actual = sum(r["kind"] == "actual" for r in trade)
    assert kinds.options == ["2020 result", "2021 target"]  # typing "2021" finds one option, not a count
    assert at.multiselect(key="explorer_year").options == ["2020", "2021"]
    captions = [c.value for c in at.caption]
    assert any(f"2020 result {actual}" in c for c in captions)
    assert any(f"Consumption {sum(r['topic'] == 'consumption' for r in ROWS)}" in c for c in captions)


@pytest.mark.parametrize("params, named", [
    ({"topic": "nonsense"}, "topic=nonsense"),
    ({"year": "20x1"}, "year=20x1"),
    ({"sort": "DROP TABLE"}, "sort=DROP TABLE"),
    ({"rows": "-5"}, "rows=-5"),
    ({"cols": "password"}, "cols=password"),
    ({"bogus": "1"}, "bogus"),
    ({"lang": "xx"}, "lang=xx"),
    ({"min": "ten"}, "min=ten"),
    ({"max": "nan"}, "max=nan"),
    ({"row": "no_such_id"}, "row=no_such_id"),
    ({"page": "sports"}, "page=sports"),
])
def test_malformed_parameters_are_ignored_with_a_notice(params, named):
    at = open_page("explorer", None, params)
    assert not at.exception
    assert named in ignored_params(at)
    assert len(table(at)) == len(ROWS)  # the bad filter is dropped, not applied


def test_unfiltered_explorer_shows_every_row():
    assert len(table(open_page("explorer", "zh"))) == len(ROWS)


def test_source_page_focuses_the_sentence_of_an_id():
    at = open_page("source", "en", {"id": "exports_2020"})
    assert not at.exception
    assert "exports_2020" in at.success[0].value
    html = report_html(at)
    assert 'id="report-focus"' in html and "实现外贸自营出口额" in html
    assert "2950827/2021-54294" in visible_text(at) and "2021-03-18" in visible_text(at)


def test_source_page_ignores_an_unknown_id():
    at = open_page("source", "en", {"id": "<script>alert(1)</script>"})
    assert not at.exception
    assert "id=<script>" in ignored_params(at)
    assert 'id="report-focus"' not in report_html(at)


def test_every_indicator_is_located_in_the_report():
    con = store.build_database(DATA)
    rows = con.execute("select * from indicators").df()
    text = (DATA / "source" / "jiangbei-2020-plan-report.zh.txt").read_text(encoding="utf-8")
    spans = source_text.locate(rows, text)
    assert sorted(i for s in spans for i in s.ids) == sorted(rows["id"])
    for span in spans:  # each mark covers exactly the number as written
        row = rows[rows["id"] == span.ids[0]].iloc[0]
        assert source_text.number_span(text[span.quote_start:span.quote_end],
                                       f"{abs(row['value']):.{max(0, row['value_decimals'])}f}") is not None
    html = source_text.to_html(text, spans, {}, focus="gdp_2020")
    assert html.count("<mark") == len(spans) and html.count('id="report-focus"') == 1
    assert "<script" not in source_text.to_html("<script>1</script>", [], {})


def test_coverage_counts_numbers_per_section():
    con = store.build_database(DATA)
    rows = con.execute("select * from indicators").df()
    text = (DATA / "source" / "jiangbei-2020-plan-report.zh.txt").read_text(encoding="utf-8")
    cov = source_text.coverage(text, source_text.locate(rows, text)).set_index("section")
    assert set(cov.index) == set(rows["section"])
    assert cov["numbers_in_data"].sum() == len(source_text.locate(rows, text))
    assert (cov["numbers_in_data"] <= cov["numbers_in_text"] + 10).all()
    assert any("5G" in m for m in cov.loc["一(二)", "not_in_data"])  # a name with a digit is listed, not counted


def _words_of(row: dict) -> str:
    """Everything the search reads of a row, lower case (the fields of macros.sql's search_texts)."""
    return " ".join(row[c] or "" for c in ("indicator_en", "indicator_zh", "source_quote", "source_quote_en", "id",
                                           "note", "year", "kind", "measure")).lower()


@pytest.mark.parametrize("q", ["GDP target", "exports 2020", "出口 2020", "employment rate", "year on year online"])
def test_search_finds_rows_holding_every_word_in_either_language(con, q):
    """Words, not one exact substring: a row matches when each word occurs somewhere in its names, its Chinese
    or English sentence, id, note, year or kind; the same query feeds the explorer and the data API."""
    found = set(store.run_query(con, "explorer_rows", topics=[], pages=[], years=[], kinds=[], measures=[], units=[],
                             sections=[], min_value=None, max_value=None, q=q, lang="en")["id"])
    words = q.lower().split()
    expected = {r["id"] for r in ROWS if all(w in _words_of(r) for w in words)}
    assert found == expected and found  # every real query finds something, and only rows with all its words


@pytest.mark.parametrize("q", ["GDP target", "exports 2020"])
def test_the_explorer_page_shows_what_the_word_search_finds(con, q):
    at = open_page("explorer", "en", {"q": q})
    assert not at.exception
    words = q.lower().split()
    expected = [r["indicator_en"] for r in ROWS if all(w in _words_of(r) for w in words)]
    assert expected and list(table(at)["Indicator"]) == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_grid_writes_each_value_with_its_own_decimals(con, lang):
    """The explorer grid shows 7.0 (not 7), 突破660亿元 as ≥66.0 (CNY bn) and 1,333,000 grouped, like cards and the HTML
    tables: the Styler's display values, while the column keeps numbers so a click on its header sorts them."""
    import pandas as pd
    import pyarrow as pa

    from jiangbei.presentation import tables
    from jiangbei.presentation.numbers import BOUND_MARKS, format_number

    at = open_page("explorer", lang)  # every indicator, in the report's order
    grid = at.dataframe[0]
    value = tables.header("value", lang)
    numbers = grid.value[value]
    assert pd.api.types.is_numeric_dtype(numbers)  # sorting by the column sorts numbers
    written = list(pa.ipc.open_stream(grid.proto.arrow_data.styler.display_values).read_all().to_pandas()[value])
    every = con.execute("select * from indicators order by csv_line").df()
    shown = tables.shown_values(every, lang)
    expected = ["" if v != v else BOUND_MARKS.get(b, "") + format_number(v, lang, int(d))
                for v, d, b in zip(shown["value"], shown["decimals"], every["bound"])]
    assert written == expected
    assert "7.0" in written and any("," in w for w in written) and any(w.startswith("≥") for w in written)


def test_the_value_range_keeps_the_same_rows_in_either_language_and_says_so():
    """?min= and ?max= filter each figure as the report writes it (660 for 660 亿元), so a shared link keeps the same
    rows in zh and en; the inputs say so, in English where the grid shows CNY bn."""
    ids = {}
    for lang in ("zh", "en"):
        at = open_page("explorer", lang, {"min": "100", "max": "1000", "cols": ["indicator", "value", "unit"]})
        labels = [n.label for n in at.number_input]
        assert any("as reported" in label or "报告原数值" in label for label in labels), labels
        frame = table(at)
        ids[lang] = len(frame)
        if lang == "en":  # the English page: every row's as-reported figure is in range, whatever CNY bn says
            reported = frame["As reported"].str.extract(r"^([\d,.]+)")[0].str.replace(",", "").astype(float)
            assert reported.between(100, 1000).all() and (frame["Value"] < 100).any()
    assert ids["zh"] == ids["en"] > 0


def test_a_view_is_built_once_and_each_view_its_own():
    from jiangbei.app import explorer
    from jiangbei.presentation import tables

    view = explorer.View()
    rows = explorer.rows(view, "en")
    assert explorer.rows(explorer.View(), "en") is rows  # a rerun of the same view: nothing rebuilt
    shown = explorer.shown_frame(rows, view, "en")
    assert explorer.shown_frame(rows, explorer.View(), "en") is shown
    assert shown.equals(tables.grid_frame(rows, "en", view.columns))
    by_value = explorer.rows(explorer.View(sort="value", order="desc"), "en")
    assert by_value is not rows and list(by_value["value"].dropna()) == sorted(rows["value"].dropna(), reverse=True)
    fewer = explorer.View(columns=["indicator", "value"])
    assert list(explorer.shown_frame(rows, fewer, "en").columns) != list(shown.columns)
    assert explorer.shown_frame(rows, view, "zh").columns.tolist() != shown.columns.tolist()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_grid_name_carries_its_period_unless_a_full_year(monkeypatch, lang):
    """A phone shows only the grid's Indicator, Value and Unit: every name whose figure is not the full year's says
    its period there, in the Period column's words (Jan–Nov, end of November per paragraph, year end); a full year's
    name stays bare. The download keeps bare names beside its Period column."""
    from jiangbei.presentation.i18n import t
    from jiangbei.reuse import export

    made = []
    real = export.with_code_columns
    monkeypatch.setattr(export, "with_code_columns", lambda shown, rows: made.append(real(shown, rows)) or made[-1])
    at = open_page("explorer", lang, {"cols": ["indicator", "value", "unit", "period"]})
    assert not at.exception
    grid = table(at)
    name, period = t("col_indicator", lang), t("col_period", lang)
    full_year = t("period_full_year", lang)
    periods = set()
    for row, source in zip(grid.to_dict("records"), ROWS, strict=True):  # every row, in the report's order
        bare = source[f"indicator_{lang}"]
        assert row[name].startswith(bare), (row[name], bare)
        told = row[name][len(bare):].strip(" ()（）")
        if row[period] == full_year:
            assert told == "", row[name]
        else:
            assert told.lower() == row[period].lower(), (row[name], row[period])
            periods.add(source["period"])
    assert periods == {r["period"] for r in ROWS} - {"full_year"}  # every kind of period occurs and is named
    # ... and not cut off: Streamlit wraps a cell's text in rows taller than 4rem (64 px), so a long name keeps its end
    assert at.dataframe[0].proto.row_height > 64
    [exported] = made
    assert list(exported[name]) == [r[f"indicator_{lang}"] for r in ROWS] and period in exported.columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_screen_reader_gets_each_figure_as_the_grid_draws_it(monkeypatch, con, lang):
    """glide's accessibility table reads a cell's data, and a number column's data is the bare number (66 for the
    canvas's ≥66.0). So the Unit cell beside it says the figure as drawn wherever the bare number says less (a bound
    mark, written decimals), the canvas draws the bare unit, and the Value column keeps numbers to sort; the
    download's Unit column holds the bare unit."""
    import pyarrow as pa

    from jiangbei.presentation import tables
    from jiangbei.reuse import export

    made = []
    real = export.with_code_columns
    monkeypatch.setattr(export, "with_code_columns", lambda shown, rows: made.append(real(shown, rows)) or made[-1])
    at = open_page("explorer", lang)
    grid = at.dataframe[0]
    value, unit = tables.header("value", lang), tables.header("unit", lang)
    drawn = pa.ipc.open_stream(grid.proto.arrow_data.styler.display_values).read_all().to_pandas()
    every = con.execute("select * from indicators order by csv_line").df()
    bare = list(tables.shown_values(every, lang)["unit"])
    assert list(drawn[unit]) == bare and list(made[0][unit]) == bare
    said_more = 0
    for number, written, spoken, plain in zip(grid.value[value], drawn[value], grid.value[unit], bare):
        if written and written.replace(",", "") != tables.spoken_number(number):  # 66 read for ≥66.0, 7 for 7.0
            assert spoken.startswith(plain) and spoken.endswith(written) and spoken != plain, (spoken, written)
            said_more += 1
        else:
            assert spoken == plain
    assert said_more >= (every["bound"] != "exact").sum() > 0
