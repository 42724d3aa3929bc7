"""Source: the report as published, every number in the data marked and linked; ?id= scrolls to its sentence."""

import streamlit as st

from jiangbei import db, explorer, source_text, ui
from jiangbei.i18n import format_value, t

lang = ui.lang()
rows = explorer.all_rows(lang)
ui.notice_bad_params({"lang": None, "id": list(rows["id"])})
focus = next((i for i in st.query_params.get_all("id") if i in set(rows["id"])), None)

st.title(t("source_title", lang))
for s in db.query("sources").to_dict("records"):
    st.subheader(s["title_zh"])
    if lang == "en":
        st.caption(s["title_en"])
    st.markdown(f"**{t('index_no', lang)}:** {s['index_no']} · **{t('publisher', lang)}:** "
                f"{s[f'publisher_{lang}']} · **{t('date', lang)}:** {s['date']:%Y-%m-%d}")
    text = db.source_text(s["source_id"])
    mine = rows[rows["source_id"] == s["source_id"]]
    spans = source_text.locate(mine, text)
    if focus in set(mine["id"]):
        row = mine[mine["id"] == focus].iloc[0]
        value = format_value(row["value"], row["unit"], row["unit_en"], lang, int(row["value_decimals"]))
        st.success(f"**{row[f'indicator_{lang}']}**: {value} ({row['year']}, {t('kind_' + row['kind'], lang)}) "
                   f"— `{focus}`", icon=":material/my_location:")

    with st.expander(t("source_coverage", lang), expanded=False):
        st.caption(t("source_coverage_note", lang))
        st.dataframe(source_text.coverage(text, spans), hide_index=True, width="stretch", column_config={
            "section": t("col_section", lang), "numbers_in_text": t("coverage_in_text", lang),
            "numbers_in_data": t("coverage_in_data", lang), "not_in_data": t("coverage_missing", lang)})
    if lang == "en":  # the report exists in Chinese only
        st.info(t("source_lang_note", lang))
    st.caption(t("source_hover", lang))
    labels = {r.id: f"{getattr(r, f'indicator_{lang}')} = "
                    f"{format_value(r.value, r.unit, r.unit_en, lang, int(r.value_decimals))}"
              for r in mine.itertuples()}
    ui.report_html(source_text.to_html(text, spans, labels, focus), scroll_to_focus=focus is not None)
