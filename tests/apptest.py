"""Helpers to run the real app in Streamlit's AppTest."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["overview", "economy", "investment", "trade", "livelihood", "explorer", "sql", "source", "about"]
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "text", "info", "error", "warning", "code")


def open_page(page: str, lang: str | None = "en", params: dict | None = None, timeout: float = 60) -> AppTest:
    """The app as a visitor opening /<page>?lang=<lang>&<params> would get it."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    if lang:
        at.query_params["lang"] = lang
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"pages/{page}.py")  # before the first run: as if the URL were opened directly
    return at.run()


def visible_text(at: AppTest) -> str:
    """All text a visitor reads outside tables: titles, markdown, captions, notices, metric labels and values."""
    parts = []
    for kind in TEXT_ELEMENTS:
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def table_text(at: AppTest) -> str:
    return "\n".join(df.value.to_csv(index=False) for df in at.dataframe)
