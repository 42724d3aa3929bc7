"""Reuse: what leaves the app (no Streamlit): exported files, the citation, the read-only data API, datapackage.json."""
