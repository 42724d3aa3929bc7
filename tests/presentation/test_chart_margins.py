"""Charts are laid out before plotly draws them: the left margin holds the widest category label (so the browser
does not draw, measure and draw again), and the template carries only what the chart's traces use."""

import pytest

from jiangbei.core import store
from jiangbei.core.schema import PAGE_TOPICS
from jiangbei.presentation import charts


@pytest.fixture(scope="module")
def figures(con):
    found = []
    for lang in ("en", "zh"):
        for topics in PAGE_TOPICS.values():
            growth = store.run_query(con, "growth_rates", topics=topics)
            rates = store.run_query(con, "rates_and_completion", topics=topics)
            found += [charts.growth_bars(growth, lang), charts.shares_bars(rates, lang),
                      charts.completion_bars(rates, lang)]
        found.append(charts.growth_pairs(store.run_query(con, "main_targets"), lang))
    return [f for f in found if f is not None]


def test_the_left_margin_holds_every_category_label(figures):
    assert len(figures) >= 6
    for fig in figures:
        labels = [y for trace in fig.data if trace.type == "bar" and trace.orientation == "h" for y in trace.y]
        widest = max(charts.label_width(y) for y in labels)
        assert fig.layout.margin.l >= widest + 10
        assert fig.layout.yaxis.automargin is True  # a wider label than estimated still fits


def test_label_widths_count_chinese_characters_wider_and_take_the_longest_line():
    assert charts.label_width("GDP") < charts.label_width("生产总值")
    assert charts.label_width("short<br>a much longer second line") == charts.label_width("a much longer second line")


def test_the_template_keeps_only_the_traces_used(figures):
    for fig in figures:
        used = {trace.type for trace in fig.data}
        kept = {kind for kind in fig.layout.template.data.to_plotly_json()}
        assert kept <= used
        assert fig.layout.template.layout is not None
