"""Explorer: every indicator with facets, search, sorting, columns and row count in the URL; a row's details."""

import streamlit as st

from jiangbei import db, explorer, tables, ui
from jiangbei.i18n import bounded, format_value, t

lang = ui.lang()
ui.notice_bad_params(explorer.allowed_params())
st.title(t("explorer_title", lang))
st.caption(t("explorer_intro", lang))

facets, main = st.columns([1, 4])
view = explorer.controls(lang, facets, main)
rows = explorer.rows(view, lang)
with main:
    st.markdown(t("explorer_matches", lang, n=len(rows)))
    selected = ui.table(tables.indicator_frame(rows, lang, view.columns), key="explorer", stem_parts=view.stem(),
                        filters=view.described(), selectable=True)
    if not selected:
        st.caption(t("explorer_select", lang))
    else:
        row = rows.iloc[selected[0]]
        st.subheader(row[f"indicator_{lang}"])
        shown = format_value(row["value"], row["unit"], row["unit_en"], lang, int(row["value_decimals"]))
        st.markdown(f"**{bounded(shown, row['qualifier'], row['bound'], lang)}**"
                    f" · {row['year']} · {tables.period_label(row['period'], row['stock_flow'], lang)}"
                    f" · {t('kind_' + row['kind'], lang)} · `{row['id']}`")
        st.markdown(f"**{t('explorer_context', lang)}**")
        before, quote, after = db.quote_context(row["source_id"], row["source_quote"])
        st.markdown(f"> …{before[-80:]}**{quote}**{after[:80]}…")
        st.markdown(f"[{t('open_source_link', lang)}]({row['source_link']})")
        context = db.query("indicator_context", id=row["id"])
        for relation, title in (("pair", "explorer_paired"), ("derived", "explorer_derived")):
            st.markdown(f"**{t(title, lang)}**")
            part = context[context["relation"] == relation]
            if part.empty:
                st.caption(t("explorer_none", lang))
            for item in part.itertuples():
                formula = f" — {getattr(item, f'formula_{lang}')}" if relation == "derived" else ""
                shown = bounded(format_value(item.value, item.unit, item.unit_en, lang), item.qualifier, item.bound,
                                lang)
                st.markdown(f"- {getattr(item, f'indicator_{lang}')} ({item.year}): {shown}{formula}")
