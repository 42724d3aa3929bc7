"""How to cite and reuse the data: the licence of the curation, and a citation in plain text and BibTeX."""

from __future__ import annotations

from jiangbei.presentation.i18n import t

# The report is public government information (主动公开); the curation (the CSV tables, their ids, translations
# and checks) is ours to license, and CC BY 4.0 lets anyone reuse it with attribution, as Our World in Data does.
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
LICENCE_SHORT = "CC BY 4.0"
DATASET_NAME = "jiangbei-plan-2020-2021"
VERSION = "1.0.0"
YEAR = 2021  # the report's year; the citation names the report's publisher and date


def citation(sources: list[dict], lang: str) -> str:
    """One line a reader can paste into a paper or article, in lang."""
    source = sources[0]
    return t("cite_plain", lang, publisher=source[f"publisher_{lang}"], title=source[f"title_{lang}"],
             date=_date(source), index_no=source["index_no"], licence=LICENCE_SHORT)


def bibtex(sources: list[dict], lang: str, url: str = "") -> str:
    """A BibTeX @misc entry for the dataset, with the report it was taken from in the note."""
    source = sources[0]
    fields = {
        "title": t("cite_dataset_title", lang),
        "author": "{" + source[f"publisher_{lang}"] + "}",
        "year": str(YEAR),
        "note": t("cite_bib_note", lang, title=source[f"title_{lang}"], date=_date(source),
                  index_no=source["index_no"], licence=LICENCE_SHORT),
        "howpublished": f"\\url{{{url}}}" if url else "",
        "language": {"zh": "chinese", "en": "english"}[lang],
    }
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return f"@misc{{{DATASET_NAME.replace('-', '_')},\n{body}\n}}"


def _date(source: dict) -> str:
    date = source["date"]
    return date.strftime("%Y-%m-%d") if hasattr(date, "strftime") else str(date)
