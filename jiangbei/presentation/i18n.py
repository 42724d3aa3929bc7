"""Two languages: the words of the interface (gettext catalogs in jiangbei/locales) and the choice of language."""

from __future__ import annotations

import html
import re
from pathlib import Path

from babel.messages.pofile import read_po

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
BABEL_LOCALE = {"zh": "zh_CN", "en": "en_US"}

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"


def _load_catalogs() -> dict[str, dict[str, str]]:
    """Every visible word of the interface, from the gettext catalogs locales/<lang>/LC_MESSAGES/*.po.

    The msgid is a stable key (pages call t("key")); each part of the app keeps its words in its own catalog file.
    Returns {key: {lang: text}}.
    """
    text: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        for path in sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po")):
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=BABEL_LOCALE[lang])
            for message in catalog:
                if message.id and message.string:
                    text.setdefault(message.id, {})[lang] = message.string
    return text


TEXT: dict[str, dict[str, str]] = _load_catalogs()


def t(key: str, lang: str, **fields) -> str:
    """The text for key in lang; fields fill {placeholders}."""
    text = TEXT[key][lang]
    return text.format(**fields) if fields else text


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
