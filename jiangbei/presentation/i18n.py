"""Two languages: the words of the interface (gettext catalogs in jiangbei/locales) and the choice of language."""

from __future__ import annotations

import gettext
import html
import re
from collections.abc import Callable
from pathlib import Path

from babel.messages.pofile import read_po

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
BABEL_LOCALE = {"zh": "zh_CN", "en": "en_US"}

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"


def _load_catalogs() -> tuple[dict[str, dict[str, str | tuple[str, ...]]], dict[str, Callable[[int], int]]]:
    """Every visible word of the interface, from the gettext catalogs locales/<lang>/LC_MESSAGES/*.po.

    The msgid is a stable key (pages call t("key")); each part of the app keeps its words in its own catalog file.
    A text that shows a count has gettext plural forms (msgid_plural, msgstr[i]) and is read with ngettext().
    Returns ({key: {lang: text, or the tuple of plural forms}}, {lang: the catalogs' Plural-Forms rule}).
    """
    text: dict[str, dict[str, str | tuple[str, ...]]] = {}
    rules: dict[str, set[str]] = {}
    for lang in LANGS:
        for path in sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po")):
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=BABEL_LOCALE[lang])
            rules.setdefault(lang, set()).add(catalog.plural_forms)
            for message in catalog:
                if message.id and message.string:
                    key = message.id[0] if message.pluralizable else message.id
                    text.setdefault(key, {})[lang] = tuple(message.string) if message.pluralizable else message.string
    plural = {}
    for lang, forms in rules.items():
        if len(forms) != 1:
            raise ValueError(f"the {lang} catalogs disagree on Plural-Forms: {sorted(forms)}")
        plural[lang] = gettext.c2py(forms.pop().split("plural=", 1)[1].rstrip(";"))
    return text, plural


TEXT, PLURAL = _load_catalogs()


def t(key: str, lang: str, **fields) -> str:
    """The text for key in lang; fields fill {placeholders}."""
    text = TEXT[key][lang]
    if isinstance(text, tuple):
        raise TypeError(f"{key} shows a count: use ngettext({key!r}, count, ...)")
    return text.format(**fields) if fields else text


def ngettext(key: str, count: int, lang: str, **fields) -> str:
    """The text for key in lang in the plural form for count (gettext's rule from the catalog's Plural-Forms
    header: English 1 row / 2 rows, Chinese one form); fields fill {placeholders}, the count among them.

    A key without plural forms is an error, as t() with one that has them: one form for every count would show
    "1 rows" without anyone noticing (tests/presentation/test_i18n.py checks every call site)."""
    forms = TEXT[key][lang]
    if not isinstance(forms, tuple):
        raise TypeError(f"{key} has no plural forms (msgid_plural) in the {lang} catalog: use t({key!r}, ...)")
    return forms[PLURAL[lang](int(count))].format(**fields)


def note_text(note: str | None, lang: str) -> str:
    """A figure's note (indicators.note, written in English) in lang, from the notes.po catalogs; '' for none.

    A note the catalogs lack (a note just edited in the data) is shown as written rather than hidden: its caveat
    matters more than its language (tests/presentation/test_notes.py keeps the catalogs complete)."""
    if not isinstance(note, str) or not note.strip():
        return ""
    entry = TEXT.get(note)
    return entry[lang] if entry and isinstance(entry.get(lang), str) else note


def notes_text(notes, lang: str) -> str:
    """The notes of the figures one row or cell shows, in lang, each clause once (a result and its target often
    share one: preliminary customs data): the caveats travel with the figure, said once."""
    clauses = [c.strip() for n in notes for c in re.split(r"[;；]", note_text(n, lang))]
    return (";" if lang == "zh" else "; ").join(dict.fromkeys(c for c in clauses if c))  # the report's own ";"


# Han characters and CJK punctuation: text holding any is Chinese (the report's quotes, its Chinese units).
_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def lang_html(text: str, page_lang: str) -> str:
    """Text escaped for HTML; Chinese text on an English page is marked lang="zh", so a screen reader reads it
    with a Chinese voice (WCAG 3.1.2). The one place the app's HTML marks a change of language."""
    escaped = html.escape(text)
    if page_lang != "zh" and _CHINESE.search(text):
        return f'<span lang="zh">{escaped}</span>'
    return escaped


def pick_language(param: str | None, remembered: str | None, browser_locale: str | None) -> str:
    """?lang= wins, then the language chosen earlier in this session, then the browser, then Chinese."""
    for choice in (param, remembered):
        if choice in LANGS:
            return choice
    if browser_locale:
        prefix = browser_locale.split("-")[0].split("_")[0].lower()
        if prefix in LANGS:
            return prefix
    return DEFAULT_LANG
