"""The SQL console as Datasette's canned queries: titled and described examples in both languages, a form for their
parameters, the tables with row counts and column docs in the visitor's language, errors with their position."""

import html
import re

import pytest

from jiangbei.app import sql_schema
from jiangbei.console import errors, examples
from jiangbei.presentation.i18n import t
from tests.apptest import open_page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_example_has_a_title_and_description_not_a_file_name(lang):
    titles = [examples.title(name, lang) for name in examples.names()]
    assert len(set(titles)) == len(titles)
    for name, title in zip(examples.names(), titles):
        assert "_" not in title and name not in title
        assert len(examples.about(name, lang)) > 10
    if lang == "zh":
        assert all(re.search(r"[\u4e00-\u9fff]", title) for title in titles)
    at = open_page("sql", lang)
    assert at.selectbox(key="sql_example").options == titles


def test_default_query_is_in_the_visitors_language():
    chinese = open_page("sql", "zh").text_area(key="sql_text").value
    english = open_page("sql", "en").text_area(key="sql_text").value
    assert "indicator_zh" in chinese and "indicator_en" not in chinese
    assert "indicator_en" in english and "indicator_zh" not in english


def test_the_form_fills_the_parameters_and_the_query_runs():
    at = open_page("sql", "en")
    at.selectbox(key="sql_example").set_value("explorer_rows").run()
    assert at.caption[1].value == examples.about("explorer_rows", "en")
    at.multiselect(key="sql_param_topics").set_value(["trade"]).run()
    at.multiselect(key="sql_param_years").set_value([2020]).run()
    at.text_input(key="sql_param_q").set_value("").run()
    text = at.text_area(key="sql_text").value
    assert "['trade']::VARCHAR" in text and "[2020]::INTEGER" in text and "$topics" not in text.split("\n", 2)[2]
    at.button(key="sql_run").click().run(timeout=30)
    result = at.dataframe[-1].value
    assert len(result) > 0 and set(result["topic"]) == {"trade"} and set(result["year"]) == {2020}


def test_choosing_another_example_starts_from_its_defaults():
    at = open_page("sql", "zh")
    at.selectbox(key="sql_example").set_value("indicator_by_id").run()
    at.selectbox(key="sql_param_id").set_value("gdp_2020").run()
    assert "'gdp_2020'" in at.text_area(key="sql_text").value
    at.button(key="sql_run").click().run(timeout=30)
    assert list(at.dataframe[-1].value["id"]) == ["gdp_2020"]
    at.selectbox(key="sql_example").set_value("series_cards").run()
    assert "['gdp', 'exports', 'fixed_asset_investment']" in at.text_area(key="sql_text").value
    assert t("example_series_cards_title", "zh") in at.text_area(key="sql_text").value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_are_listed_with_row_counts_and_docs_in_the_language(lang, con):
    at = open_page("sql", lang)
    labels = [e.label for e in at.expander]
    for table in ("indicators", "sources", "results_vs_targets", "derived"):
        n = con.execute(f"select count(*) from {table}").fetchone()[0]
        assert t("schema_table_title", lang, table=table, n=f"{n:,}") in labels
    docs = {table.name: table for table in sql_schema.tables(lang)}
    assert docs["indicators"].rows == con.execute("select count(*) from indicators").fetchone()[0]
    meaning = dict((name, text) for name, _, text in docs["indicators"].columns)["value"]
    assert (re.search(r"[\u4e00-\u9fff]", meaning) is not None) == (lang == "zh") and " / " not in meaning
    assert len(at.dataframe) == 1  # the default query's answer only: the schema is plain lists, no nested grids


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_column_is_listed_with_its_type_and_meaning_as_written(lang):
    for table in sql_schema.tables(lang):
        shown = sql_schema.columns_html(table)
        assert shown.count("<li>") == len(table.columns)
        for name, kind, meaning in table.columns:
            assert f"<li><code>{html.escape(name)}</code> ({html.escape(kind)}) {html.escape(meaning)}</li>" in shown
    # Characters that markdown or HTML would read as markup are shown as they are written.
    odd = sql_schema.Table("t", 1, "", [("a_*", "VARCHAR", "<b>x</b> & unknown_* (no_baseline(_period))")])
    assert "&lt;b&gt;x&lt;/b&gt; &amp; unknown_* (no_baseline(_period))" in sql_schema.columns_html(odd)


@pytest.mark.parametrize("sql, line, column", [
    ("SELECT id,\n  nope\nFROM indicators", 2, 3),
    ("-- a comment\nselec 1", 2, 1),
    ("select id from indicators where value > 'x'", 1, 41),
])
def test_errors_point_at_their_place(sql, line, column):
    at = open_page("sql", "en")
    at.text_area(key="sql_text").set_value(sql)
    at.button(key="sql_run").click().run(timeout=30)
    assert not at.exception and at.error
    assert t("sql_error_at", "en", line=line, column=column) in [c.value for c in at.caption]
    block = at.code[-1].value.splitlines()
    caret = block[-1]
    assert set(caret.strip()) == {"^"}
    code_line = block[-2]
    assert code_line.startswith(f"{line} | ")
    start = caret.index("^") - len(f"{line} | ")
    assert start == column - 1 and sql.splitlines()[line - 1][start:].startswith(code_line[len(f"{line} | "):][start:])


def test_a_message_without_a_place_is_shown_whole():
    assert errors.locate("Catalog Error: Table with name x does not exist!", "select * from x") is None
    assert errors.summary("Parser Error: bad\n\nLINE 1: x\n        ^") == "Parser Error: bad"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_default_query_keeps_what_each_value_means(lang):
    """value alone is not a figure: its unit, bound (突破: a floor), period (Jan–Nov), price basis and note (the
    report's caveats: preliminary customs data, newly counted e-commerce firms) come with it."""
    at = open_page("sql", lang)
    text = at.text_area(key="sql_text").value
    select = text.split("SELECT", 1)[1].split("FROM", 1)[0]
    for column in ("qualifier", "bound", "value", "unit", "year", "period", "kind", "measure", "price_basis", "note"):
        assert re.search(rf"\b{column}(_en|_zh)?\b", select), column
    assert len(at.dataframe) >= 1 and len(at.dataframe[-1].value.columns) == select.count(",") + 1


def test_the_chinese_default_query_shows_the_notes_in_chinese(con):
    """The 备注 column of the zh default query is the note in Chinese (indicators.note_zh), caveats included: every
    row it shows with a note has one, and none is the English note."""
    from jiangbei.presentation.i18n import note_text

    at = open_page("sql", "zh")
    assert "note_zh AS 备注" in at.text_area(key="sql_text").value
    result = at.dataframe[-1].value
    notes = result["备注"].dropna()
    assert len(notes) >= 5 and result["备注"].notna().sum() == len(notes)
    for note in notes:
        assert re.search(r"[\u4e00-\u9fff]", note) and not re.search(r"[A-Za-z]{3,}", note), note
    assert any("海关初步数据" in n for n in notes)
    # the database's note_zh is the pages' Chinese note, on every row with a note
    rows = con.cursor().sql("select note, note_zh from indicators").df()
    assert rows["note"].notna().sum() > 0
    for note, chinese in zip(rows["note"], rows["note_zh"]):
        if isinstance(note, str) and note.strip():
            assert chinese and chinese == note_text(note, "zh") and chinese != note, note
        else:
            assert chinese is None or chinese != chinese
