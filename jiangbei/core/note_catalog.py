"""The notes of data/indicators.csv (written in English) in Chinese, for the database's note_zh column.

The Chinese notes live in the gettext catalog jiangbei/locales/zh/LC_MESSAGES/notes.po, whose msgid is the note as
indicators.csv writes it; the pages read them through presentation.i18n.note_text. The store sits below that
layer, so it reads the one catalog file itself (Babel's .po reader, as i18n does): one source of the words, no
copy of them in data/.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

NOTES_CATALOG = Path(__file__).resolve().parents[1] / "locales" / "zh" / "LC_MESSAGES" / "notes.po"


@cache
def chinese_notes() -> dict[str, str]:
    """{English note: its Chinese}, every translated entry of the zh notes catalog."""
    with NOTES_CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale="zh_CN")
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string}
