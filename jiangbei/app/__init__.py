"""The thin Streamlit layer: cached data (db), language, URL state, components (ui), navigation, and the parts
several pages share (topic_page, figures, explorer, report_view, glossary)."""
