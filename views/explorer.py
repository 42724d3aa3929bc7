"""Explorer: every indicator with facets, value range, search, sorting, columns and row count in the URL; a row's
details (?row=<id>, shareable); the view's SQL; how to cite."""

import streamlit as st

from jiangbei.app import explorer, ui, url_state
from jiangbei.presentation.i18n import ngettext, t

lang = ui.lang()
allowed = explorer.allowed_params()
ui.notice_bad_params(allowed)
st.title(t("explorer_title", lang))
st.caption(t("explorer_intro", lang))

# Search first, then the facets (folded on a phone, where columns stack), then the table and its options.
search = st.container()
facets, main = st.columns([1, 3])
view = explorer.controls(lang, search, facets, main.container())
rows = explorer.rows(view, lang)
url_row = next((v for v in url_state.values("row") if v in allowed["row"]), None)
position = next(iter(rows.index[rows["id"] == url_row]), None) if url_row else None
with main:
    st.markdown(ngettext("explorer_matches", len(rows), lang, n=len(rows)))
    selected = ui.table(explorer.shown_frame(rows, view, lang), key="explorer", stem_parts=view.stem(),
                        filters=view.described(), selectable=True, codes=rows, selected_row=position,
                        formats=explorer.shown_formats(rows, lang), texts=explorer.shown_units(rows, lang),
                        exported=explorer.exported_frame(rows, view, lang))
    st.markdown(f"[{t('explorer_show_sql', lang)}]({explorer.sql_link(view, lang)})",
                help=t("explorer_show_sql_help", lang))
    # The chosen row: a click in the table, else ?row= (which may lie outside the filters).
    row, outside = explorer.chosen_row(rows, selected, url_row, lang)
    if outside:
        st.info(t("explorer_row_outside", lang), icon=":material/info:")
    url_state.write("row", [row["id"]] if row is not None else [])
    if row is None:
        st.caption(t("explorer_select", lang))
    else:
        detail = explorer.row_detail(row, lang)
        st.header(detail.title)  # h2 under the page's h1 (no skipped level)
        st.markdown(detail.summary)
        st.markdown(f"**{t('explorer_context', lang)}**")
        st.markdown(detail.quote)
        if detail.original:
            st.caption(t("quote_unofficial", lang))
            with st.expander(t("quote_original", lang)):
                st.markdown(detail.original)
        st.markdown(detail.links)
        for heading, lines in detail.related:
            st.markdown(f"**{heading}**")
            if not lines:
                st.caption(t("explorer_none", lang))
            for line in lines:
                st.markdown(line)
    ui.cite_block()
