"""The interface's words: gettext catalogs under jiangbei/locales/, one key in both languages, same placeholders."""

import string

from babel.messages.pofile import read_po

from jiangbei.presentation import i18n

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
        assert _fields(entry["zh"]) == _fields(entry["en"]), key


def test_t_fills_placeholders_in_each_language():
    assert i18n.t("bad_param", "en", params="x=1").endswith("x=1")
    assert "x=1" in i18n.t("bad_param", "zh", params="x=1")
