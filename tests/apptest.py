"""Helpers to run the real app in Streamlit's AppTest."""

from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest

from jiangbei.app.glossary import GLOSSARY_CLASS
from jiangbei.presentation.markdown import DOCUMENT_CLASS
from tests.conftest import ROOT

PAGES = ["overview", "targets", "economy", "investment", "trade", "livelihood", "explorer", "sql", "source", "about"]
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "text", "info", "error", "warning", "code")


def open_page(page: str, lang: str | None = "en", params: dict | None = None, timeout: float = 60) -> AppTest:
    """The app as a visitor opening /<page>?lang=<lang>&<params> would get it."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    if lang:
        at.query_params["lang"] = lang
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"views/{page}.py")  # before the first run: as if the URL were opened directly
    return at.run()


def visible_text(at: AppTest) -> str:
    """All text a visitor reads outside tables: titles, markdown, captions, notices and the headline cards."""
    parts = []
    for kind in TEXT_ELEMENTS:
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [" ".join(card.values()) for card in cards(at)]
    return "\n".join(parts)


def table_text(at: AppTest) -> str:
    """The text of every table: st.dataframe grids and the app's HTML tables."""
    frames = [df.value for df in at.dataframe] + html_tables(at)
    return "\n".join(frame.to_csv(index=False) for frame in frames)


class _TableParser(HTMLParser):
    """Reads the app's own HTML tables (jiangbei.presentation.tables.html_table) back into rows of cell text."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_tables(at: AppTest, glossary: bool = False, chart_data: bool = False) -> list[pd.DataFrame]:
    """Every HTML table on the page, as text frames (header row as columns): the data tables, or (glossary) the
    "terms used" glossary, or (chart_data) the tables of the charts' values under each chart (ui.chart); never
    the tables of a document shown on the page (the data dictionary)."""
    frames = []
    for element in at.get("html"):
        body = element.proto.body
        if (GLOSSARY_CLASS in body) != glossary or ("jb-chart-data" in body) != chart_data or DOCUMENT_CLASS in body:
            continue
        parser = _TableParser()
        parser.feed(element.proto.body)
        for rows in parser.tables:
            frames.append(pd.DataFrame(rows[1:], columns=rows[0]))
    return frames


class _CardParser(HTMLParser):
    """Reads the app's headline cards (presentation.cards.cards_html) back into {paragraph class: text} per card."""

    def __init__(self):
        super().__init__()
        self.cards: list[dict[str, str]] = []
        self._class: str | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if "jb-card" in classes:
            self.cards.append({})
        elif tag == "p" and self.cards:
            self._class = classes[0]
            self.cards[-1][self._class] = ""

    def handle_endtag(self, tag):
        if tag == "p":
            self._class = None

    def handle_data(self, data):
        if self._class is not None:
            self.cards[-1][self._class] += data


def cards(at: AppTest) -> list[dict[str, str]]:
    """Every headline card on the page: label, value, delta (if any) and note (target line and quotes)."""
    parser = _CardParser()
    for element in at.get("html"):
        parser.feed(element.proto.body)
    return parser.cards


def ignored_params(at: AppTest) -> str:
    """What the 'ignored URL parameters' notice names: its sentence (st.info) and the parameters (st.code)."""
    return "\n".join([i.value for i in at.info] + [c.value for c in at.code])
