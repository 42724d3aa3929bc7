"""The report's units in one table: how a value in each is shown to an English reader (presentation.numbers) and
how the report's English translation writes it (the validator's check of source_quote_en). Units not listed are
shown and written with their number as in the report (7.0%, 1,957 mu)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    money: bool = False  # an amount of money: a level of it is a nominal figure (the validator's price_basis check)
    # Shown in English: divided by `divide` in `template` (the report counts in 万 and 亿; English readers expect
    # millions and billions), or multiplied by `multiply` and written with the English unit's last word.
    divide: int | None = None
    template: str | None = None
    multiply: int | None = None
    # Written by the English translation: (factor, the English scale word after the number). 660 亿元 is
    # "CNY 66 billion" (x 0.1) or, for small amounts, 3.3 亿元 is "CNY 330 million" (x 100).
    translation: tuple[tuple[str, str | None], ...] = ()


UNITS = {
    "亿元": Unit(money=True, divide=10, template="CNY {v} bn", translation=(("0.1", "billion"), ("100", "million"))),
    "万美元": Unit(money=True, divide=100, template="USD {v} m", translation=(("0.01", "million"),)),
    "万元": Unit(money=True, divide=100, template="CNY {v} m", translation=(("0.01", "million"),)),
    "万平方米": Unit(multiply=10000, translation=(("10000", "square metres"), ("0.01", "million square metres"))),
    "万人": Unit(multiply=10000, translation=(("10000", None),)),
}

# The table's views, as the display and the validator read them.
MONEY_UNITS = tuple(name for name, unit in UNITS.items() if unit.money)
ENGLISH_SCALES = {name: unit.translation for name, unit in UNITS.items() if unit.translation}
EN_SCALE = {name: (unit.divide, unit.template) for name, unit in UNITS.items() if unit.divide}
EN_MULTIPLY = {name: unit.multiply for name, unit in UNITS.items() if unit.multiply}
