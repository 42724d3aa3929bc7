"""One table of units (jiangbei.core.units): what the English display does to a value in a unit is one of the ways
the report's translation writes it, so a figure checked by the validator reads the same on the page."""

from decimal import Decimal

from jiangbei.core.units import EN_MULTIPLY, EN_SCALE, ENGLISH_SCALES, MONEY_UNITS, UNITS
from jiangbei.presentation.numbers import format_value


def test_the_display_scale_is_a_scale_of_the_translation():
    for name, unit in UNITS.items():
        factors = {Decimal(factor) for factor, _ in unit.translation}
        if unit.divide:
            assert Decimal(1) / Decimal(unit.divide) in factors, name
        if unit.multiply:
            assert Decimal(unit.multiply) in factors, name


def test_the_views_come_from_the_table():
    assert set(MONEY_UNITS) == {"亿元", "万元", "万美元"}
    assert set(EN_SCALE) | set(EN_MULTIPLY) == set(ENGLISH_SCALES) == set(UNITS)


def test_the_display_uses_the_table():
    assert format_value(660, "亿元", "CNY 100 million", "en") == "CNY 66.0 bn"
    assert format_value(3.3, "万人", "10,000 persons", "en") == "33,000 persons"
