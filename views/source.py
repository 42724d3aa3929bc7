"""Source: the report as published and in English, every number in the data marked; ?id= scrolls to its sentence,
?text=zh|en|both picks the text."""

import streamlit as st

from jiangbei.app import db, explorer, report_view, ui
from jiangbei.presentation.i18n import t
from jiangbei.presentation.numbers import format_value

lang = ui.lang()
rows = explorer.all_rows(lang)
ui.notice_bad_params({"lang": None, "id": list(rows["id"]), "text": list(report_view.TEXT_MODES)})
focus = next((i for i in st.query_params.get_all("id") if i in set(rows["id"])), None)

st.title(t("source_title", lang))
for s in db.query("sources").to_dict("records"):
    st.header(s[f"title_{lang}"], divider=False)  # h2 under the page's h1
    if lang == "en":  # the official title, marked as Chinese for screen readers and fonts
        report_view.chinese_line(s["title_zh"])
    st.markdown(f"**{t('index_no', lang)}:** {s['index_no']} · **{t('publisher', lang)}:** "
                f"{s[f'publisher_{lang}']} · **{t('date', lang)}:** {s['date']:%Y-%m-%d}")
    text = db.source_text(s["source_id"])
    text_en = db.source_text(s["source_id"], "path_en")
    mine = rows[rows["source_id"] == s["source_id"]]
    if focus in set(mine["id"]):
        row = mine[mine["id"] == focus].iloc[0]
        value = format_value(row["value"], row["unit"], row["unit_en"], lang, int(row["value_decimals"]))
        st.success(f"**{row[f'indicator_{lang}']}**: {value} ({row['year']}, {t('kind_' + row['kind'], lang)}) "
                   f"— `{focus}`", icon=":material/my_location:")

    with st.expander(t("source_coverage", lang), expanded=False):
        st.caption(t("source_coverage_note", lang))
        ui.html_table_only(report_view.coverage(text, rows, s["source_id"], lang))
    mode = report_view.text_mode(lang) if text_en else "zh"
    if mode != "zh":
        st.info(t("source_translation_note", lang), icon=":material/translate:")
    st.caption(t("source_marks_help", lang))
    report_view.report_html(report_view.report_body_of(text, text_en, rows, s["source_id"], lang, mode, focus),
                            scroll_to_focus=focus is not None)
