"""Explorer: every indicator with facets, value range, search, sorting, columns and row count in the URL; a row's
details (?row=<id>, shareable); the view's SQL; how to cite."""

import streamlit as st

from jiangbei.app import db, explorer, ui, url_state
from jiangbei.core.schema import TOPICS
from jiangbei.presentation import tables
from jiangbei.presentation.i18n import ngettext, t
from jiangbei.presentation.numbers import row_figure

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
    # The download always carries each figure's price basis in words and its notes (caveats), shown or not.
    exported = tables.indicator_frame(rows, lang, view.columns + [c for c in tables.EXPORT_ALWAYS
                                                                  if c not in view.columns])
    selected = ui.table(tables.indicator_frame(rows, lang, view.columns), key="explorer", stem_parts=view.stem(),
                        filters=view.described(), selectable=True, codes=rows, selected_row=position,
                        exported=exported)
    st.markdown(f"[{t('explorer_show_sql', lang)}]({explorer.sql_link(view, lang)})",
                help=t("explorer_show_sql_help", lang))
    # The chosen row: a click in the table, else ?row= (which may lie outside the filters).
    if selected:
        row = rows.iloc[selected[0]]
    elif url_row and position is None:
        everything = explorer.all_rows(lang)
        row = everything[everything["id"] == url_row].iloc[0]
        st.info(t("explorer_row_outside", lang), icon=":material/info:")
    else:
        row = None
    url_state.write("row", [row["id"]] if row is not None else [])
    if row is None:
        st.caption(t("explorer_select", lang))
    else:
        st.subheader(row[f"indicator_{lang}"])
        st.markdown(f"**{row_figure(row.to_dict(), lang)}**"
                    f" · {row['year']} · {tables.period_label(row['period'], row['stock_flow'], lang)}"
                    f" · {t('kind_' + row['kind'], lang)}" + f" · `{row['id']}`")
        st.markdown(f"**{t('explorer_context', lang)}**")
        before, quote, after = db.quote_context(row["source_id"], row["source_quote"])
        if lang == "en":  # the English sentence in its paragraph, the official Chinese one click away
            before_en, quote_en, after_en = db.quote_context(row["source_id"], row["source_quote_en"], "path_en")
            st.markdown(f"> …{before_en[-160:]}**{quote_en}**{after_en[:160]}…")
            st.caption(t("quote_unofficial", lang))
            with st.expander(t("quote_original", lang)):
                st.markdown(f"> …{before[-80:]}**{quote}**{after[:80]}…")
        else:
            st.markdown(f"> …{before[-80:]}**{quote}**{after[:80]}…")
        st.markdown(f"[{t('open_source_link', lang)}]({row['source_link']}) · "
                    f"[{t('explorer_row_link', lang)}](explorer?row={row['id']}&lang={lang})")
        context = db.query("indicator_context", id=row["id"])
        every = {r["id"]: r for r in explorer.all_rows(lang).to_dict("records")}
        derived = {r["derived_id"]: r for r in db.query("topic_derived", topics=TOPICS).to_dict("records")}
        for relation, title in (("pair", "explorer_paired"), ("derived", "explorer_derived")):
            st.markdown(f"**{t(title, lang)}**")
            part = context[context["relation"] == relation]
            if part.empty:
                st.caption(t("explorer_none", lang))
            for item in part.itertuples():
                formula = f" — {getattr(item, f'formula_{lang}')}" if relation == "derived" else ""
                # written from the figure's own row (period, measure, basis and all): an indicator or a derived one
                other = (every.get(item.other_id) if relation == "pair" else derived.get(item.derived_id)) \
                    or item._asdict()
                shown = row_figure(other, lang)
                st.markdown(f"- {getattr(item, f'indicator_{lang}')} ({item.year}): {shown}{formula}")
    ui.cite_block()
