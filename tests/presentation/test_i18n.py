"""The interface's words: gettext catalogs under jiangbei/locales/, one key in both languages, same placeholders."""

import ast
import re
import string

import pytest
from babel.messages.pofile import read_po

from jiangbei.presentation import i18n
from tests.conftest import ROOT

LOCALES = i18n.LOCALES_DIR


def _keys(lang: str) -> dict[str, list[str]]:
    """key -> the catalog files that define it, for one language."""
    found: dict[str, list[str]] = {}
    for path in sorted((LOCALES / lang / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id:
                    found.setdefault(message.id, []).append(path.name)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_is_in_both_languages_once():
    zh, en = _keys("zh"), _keys("en")
    assert zh.keys() == en.keys()
    assert [k for k, files in {**zh, **en}.items() if len(files) > 1] == []
    # The same catalog files exist for both languages.
    assert sorted(p.name for p in (LOCALES / "zh/LC_MESSAGES").glob("*.po")) == \
        sorted(p.name for p in (LOCALES / "en/LC_MESSAGES").glob("*.po"))


def test_translations_are_not_empty_and_share_placeholders():
    for key, entry in i18n.TEXT.items():
        assert set(entry) == set(i18n.LANGS), key
        forms = [f for lang in i18n.LANGS for f in (entry[lang] if isinstance(entry[lang], tuple) else [entry[lang]])]
        assert all(forms) and len({frozenset(_fields(f)) for f in forms}) == 1, key


def test_catalogs_carry_plural_forms():
    # gettext's rules: Chinese has one form, English two (1 row, 2 rows).
    for lang, rule in (("zh", "nplurals=1; plural=0;"), ("en", "nplurals=2; plural=(n != 1);")):
        for path in sorted((LOCALES / lang / "LC_MESSAGES").glob("*.po")):
            with path.open("rb") as handle:
                assert read_po(handle).plural_forms == rule, path
    plural = [key for key, entry in i18n.TEXT.items() if isinstance(entry["en"], tuple)]
    assert plural and all(len(i18n.TEXT[k]["en"]) == 2 and len(i18n.TEXT[k]["zh"]) == 1 for k in plural)


def test_a_count_gets_its_plural_form():
    assert i18n.ngettext("rows_shown", 1, "en", n=1) == "1 row shown"
    assert i18n.ngettext("rows_shown", 0, "en", n=0) == "0 rows shown"
    assert i18n.ngettext("rows_shown", 1234, "en", n="1,234") == "1,234 rows shown"
    assert i18n.ngettext("table_only", 1, "en", n=1).startswith("1 more target is in the table only")
    assert i18n.ngettext("rows_shown", 1, "zh", n=1) == i18n.ngettext("rows_shown", 2, "zh", n=1)
    with pytest.raises(TypeError):
        i18n.t("rows_shown", "en", n=1)  # a count's text is read with ngettext
    with pytest.raises(TypeError):
        i18n.ngettext("bad_param", 2, "en", params="x=1")  # and a text without plural forms is not


def _calls(function: str) -> list[tuple[str, int, ast.Call]]:
    """(file, line, call) of every call of function (by name or as module.function) in the app's code."""
    files = [*sorted((ROOT / "jiangbei").rglob("*.py")), *sorted((ROOT / "views").glob("*.py")), ROOT / "dashboard.py"]
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and function in (getattr(node.func, "id", None),
                                                           getattr(node.func, "attr", None)):
                found.append((str(path.relative_to(ROOT)), node.lineno, node))
    return found


def test_every_ngettext_call_names_a_text_with_plural_forms_in_both_catalogs():
    # ngettext raises for a text without plural forms; this finds such a call before any page reaches it.
    calls = _calls("ngettext")
    assert len(calls) > 5
    for where, line, call in calls:
        key = call.args[0]
        assert isinstance(key, ast.Constant) and isinstance(key.value, str), f"{where}:{line}: a literal key, please"
        assert key.value in i18n.TEXT, f"{where}:{line}: {key.value}"
        assert all(isinstance(i18n.TEXT[key.value][lang], tuple) for lang in i18n.LANGS), \
            f"{where}:{line}: {key.value} has no msgid_plural in every catalog"


def test_every_t_call_with_a_literal_key_names_a_text_without_plural_forms():
    for where, line, call in _calls("t"):
        key = call.args[0] if call.args else None
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            assert key.value in i18n.TEXT, f"{where}:{line}: {key.value}"
            assert not isinstance(i18n.TEXT[key.value]["en"], tuple), f"{where}:{line}: {key.value} shows a count"


def test_no_english_text_hedges_a_count():
    # "row(s)", "query(ies)" is what a text without plural forms writes; every count has its forms instead.
    hedged = [key for key, entry in i18n.TEXT.items()
              for text in (entry["en"] if isinstance(entry["en"], tuple) else [entry["en"]])
              if re.search(r"\w\((s|es|ies)\)", text)]
    assert hedged == []


def test_t_fills_placeholders_in_each_language():
    assert i18n.t("bad_param", "en", params="x=1").endswith("x=1")
    assert "x=1" in i18n.t("bad_param", "zh", params="x=1")


def test_english_texts_write_amounts_in_english_units():
    """Rule: an English text writes an amount in English units (CNY 11.51 bn), never a number with a Chinese unit
    (115.1 亿元), which would also be a tenfold different number for the same amount. Chinese stays only as quoted
    names (一网一膜)."""
    chinese_unit = re.compile(r"\d\s*(亿|万|个百分点|家|个|人次|人|平方米|吨|千瓦|户|项|元)")
    found = []
    for path in sorted((LOCALES / "en" / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                texts = message.string if isinstance(message.string, tuple) else (message.string,)
                found += [(path.name, message.id) for text in texts if text and chinese_unit.search(text)]
    assert found == []
