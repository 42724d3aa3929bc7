"""Two languages: the words of the interface, the choice of language, and numbers formatted for it."""

from __future__ import annotations

from babel.numbers import format_decimal

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
BABEL_LOCALE = {"zh": "zh_CN", "en": "en_US"}

# Every visible word of the interface. Keys are stable; pages call t("key").
TEXT: dict[str, dict[str, str]] = {
    "app_title": {"zh": "江北区计划报告数据看板", "en": "Jiangbei Plan Dashboard"},
    "app_subtitle": {
        "zh": "宁波市江北区2020年计划执行情况与2021年计划草案的报告中的全部数字",
        "en": "Every figure of Ningbo Jiangbei District's report on its 2020 plan and 2021 draft plan",
    },
    "language": {"zh": "语言", "en": "Language"},
    "page_overview": {"zh": "概览", "en": "Overview"},
    "page_economy": {"zh": "经济", "en": "Economy"},
    "page_investment": {"zh": "投资与城建", "en": "Investment"},
    "page_trade": {"zh": "贸易与消费", "en": "Trade"},
    "page_livelihood": {"zh": "民生", "en": "Livelihood"},
    "page_explorer": {"zh": "指标浏览", "en": "Explorer"},
    "page_sql": {"zh": "SQL 查询", "en": "SQL"},
    "page_source": {"zh": "报告原文", "en": "Source"},
    "page_about": {"zh": "关于数据", "en": "About"},
    "nav_topics": {"zh": "专题", "en": "Topics"},
    "nav_tools": {"zh": "工具", "en": "Tools"},
    "intro_economy": {"zh": "宏观、工业、服务业、创新与财政。", "en": "Macro economy, industry, services, innovation and public finance."},
    "intro_investment": {"zh": "固定资产投资、重点项目与城市建设。", "en": "Fixed-asset investment, key projects and urban development."},
    "intro_trade": {"zh": "外贸出口、利用外资与消费。", "en": "Exports, inward investment and consumption."},
    "intro_livelihood": {"zh": "就业、社会保障、生态环境与治理。", "en": "Jobs, social security, environment and governance."},
    # topics
    "topic_macro": {"zh": "宏观", "en": "Macro"},
    "topic_industry": {"zh": "工业", "en": "Industry"},
    "topic_services": {"zh": "服务业", "en": "Services"},
    "topic_innovation": {"zh": "科技创新", "en": "Innovation"},
    "topic_fiscal": {"zh": "财政", "en": "Fiscal"},
    "topic_investment": {"zh": "投资", "en": "Investment"},
    "topic_urban": {"zh": "城市建设", "en": "Urban"},
    "topic_consumption": {"zh": "消费", "en": "Consumption"},
    "topic_trade": {"zh": "外贸与招商", "en": "Trade"},
    "topic_employment": {"zh": "就业", "en": "Employment"},
    "topic_social": {"zh": "社会保障", "en": "Social"},
    "topic_environment": {"zh": "生态环境", "en": "Environment"},
    "topic_governance": {"zh": "治理与营商环境", "en": "Governance"},
    # kinds, measures, periods
    "kind_actual": {"zh": "2020年实绩", "en": "2020 result"},
    "kind_target": {"zh": "2021年目标", "en": "2021 target"},
    "kind_derived": {"zh": "推算(非报告原数)", "en": "Derived (not in the report)"},
    "measure_level": {"zh": "总量", "en": "Level"},
    "measure_count": {"zh": "个数", "en": "Count"},
    "measure_yoy_growth_pct": {"zh": "同比增速", "en": "Year-on-year growth"},
    "measure_share_pct": {"zh": "比重/比率", "en": "Share or rate"},
    "measure_completion_pct": {"zh": "年度计划完成率", "en": "Percent of annual plan"},
    "measure_pct_point_change": {"zh": "百分点变化", "en": "Change in percentage points"},
    "measure_rank": {"zh": "排名", "en": "Rank"},
    "measure_ratio": {"zh": "比例", "en": "Ratio"},
    "period_full_year": {"zh": "全年", "en": "Full year"},
    "period_jan_nov": {"zh": "1-11月", "en": "Jan–Nov"},
    "period_year_end": {"zh": "年末", "en": "Year end"},
    "period_cumulative": {"zh": "累计", "en": "Cumulative"},
    # table columns
    "col_id": {"zh": "编号", "en": "ID"},
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_value": {"zh": "数值", "en": "Value"},
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_year": {"zh": "年份", "en": "Year"},
    "col_kind": {"zh": "类型", "en": "Kind"},
    "col_measure": {"zh": "口径", "en": "Measure"},
    "col_period": {"zh": "时期", "en": "Period"},
    "col_topic": {"zh": "专题", "en": "Topic"},
    "col_qualifier": {"zh": "限定语", "en": "Qualifier"},
    "col_section": {"zh": "章节", "en": "Section"},
    "col_quote": {"zh": "原文", "en": "Source sentence"},
    "col_note": {"zh": "备注", "en": "Note"},
    "col_link": {"zh": "原文位置", "en": "In the report"},
    "col_result_2020": {"zh": "2020年实绩", "en": "2020 result"},
    "col_target_2021": {"zh": "2021年目标", "en": "2021 target"},
    "col_gap": {"zh": "目标与实绩之差", "en": "Target minus result"},
    "col_formula": {"zh": "计算方法", "en": "Formula"},
    "open_in_report": {"zh": "查看原文", "en": "open"},
    # filters and tables
    "filter_year": {"zh": "年份", "en": "Year"},
    "filter_kind": {"zh": "类型", "en": "Kind"},
    "filter_topic": {"zh": "专题", "en": "Topic"},
    "rows_shown": {"zh": "显示 {n} 行", "en": "{n} rows shown"},
    "rows_capped": {"zh": "只显示前 {n} 行;请缩小筛选范围,或在 SQL 查询页查询全部数据。",
                    "en": "Only the first {n} rows are shown; narrow the filters, or query everything on the SQL page."},
    "no_rows": {"zh": "没有符合条件的数据。", "en": "No rows match these filters."},
    "source_line": {"zh": "来源:{publisher}《{title}》,{date}", "en": "Source: {publisher}, “{title}”, {date}"},
    "download": {"zh": "下载", "en": "Download"},
    "download_help": {"zh": "下载当前显示的数据", "en": "Download the data as shown"},
    # cards
    "yoy": {"zh": "同比", "en": "yoy"},
    "target_2021": {"zh": "2021年目标:{value}", "en": "2021 target: {value}"},
    "no_target": {"zh": "报告未给出2021年目标", "en": "No 2021 target in the report"},
    # charts
    "chart_growth": {"zh": "2020年同比增速", "en": "Growth in 2020, year on year"},
    "chart_growth_x": {"zh": "同比增速(%)", "en": "Growth (%)"},
    "chart_vs": {"zh": "2020年实绩与2021年目标", "en": "2020 result vs 2021 target"},
    "chart_vs_growth": {"zh": "增速:2020年实绩与2021年目标", "en": "Growth: 2020 result vs 2021 target"},
    "chart_completion": {"zh": "年度计划完成率", "en": "Completion of the annual plan"},
    "chart_completion_x": {"zh": "完成年度计划(%)", "en": "Percent of annual plan"},
    "chart_shares": {"zh": "比重与比率", "en": "Shares and rates"},
    "chart_shares_x": {"zh": "%", "en": "%"},
    "chart_levels": {"zh": "2020年总量", "en": "Levels in 2020"},
    "chart_value": {"zh": "数值", "en": "Value"},
    "plan_line": {"zh": "计划 100%", "en": "Plan 100%"},
    "chart_empty": {"zh": "此处没有可作图的数据:报告未给出这些专题的此类数字。",
                    "en": "Nothing to chart here: the report gives no such figures for these topics."},
    # overview
    "overview_headlines": {"zh": "2020年主要指标", "en": "2020 headline figures"},
    "overview_targets": {"zh": "2021年主要目标与2020年实绩", "en": "Main 2021 targets beside the 2020 results"},
    "overview_plan": {"zh": "超额完成与未完成年度计划", "en": "What beat or missed the annual plan"},
    "overview_pages": {"zh": "专题页面", "en": "Topic pages"},
    "beat_plan": {"zh": "超额完成", "en": "beat the plan"},
    "missed_plan": {"zh": "未完成", "en": "missed the plan"},
    "derived_label": {"zh": "推算", "en": "derived"},
    "view_growth": {"zh": "增速与比率", "en": "Growth and rates"},
    "view_targets": {"zh": "实绩与目标", "en": "Results vs targets"},
    "view_levels": {"zh": "总量", "en": "Levels"},
    "view_derived": {"zh": "推算数据", "en": "Derived figures"},
    "view_table": {"zh": "全部指标表", "en": "Table of all figures"},
    "tab_chart": {"zh": "图表", "en": "Chart"},
    "tab_table": {"zh": "表格", "en": "Table"},
    "derived_note": {"zh": "由报告数据经SQL计算,非报告原数;计算方法见表。",
                     "en": "Computed in SQL from the report's figures, not stated in the report; each row gives its formula."},
    # source and about
    "source_title": {"zh": "报告原文", "en": "The report"},
    "index_no": {"zh": "索引号", "en": "Index number"},
    "publisher": {"zh": "发布机构", "en": "Publisher"},
    "date": {"zh": "成文日期", "en": "Date"},
    "source_lang_note": {"zh": "", "en": "The report is published in Chinese only; it is shown as published."},
    "source_coverage": {"zh": "各章节数字覆盖情况", "en": "Coverage by section"},
    "source_coverage_note": {"zh": "各章节原文中的阿拉伯数字(不含年份)与数据中已收录的数字;未收录的列在最后一列,便于发现遗漏。中文数字(如“四大”)不计入原文数字。", "en": "Arabic numbers in each section's text (years left out) against the numbers in the data; those not in the data are listed, so a missing fact shows. Chinese numerals (四大) are not counted in the text."},
    "coverage_in_text": {"zh": "原文数字", "en": "Numbers in the text"},
    "coverage_in_data": {"zh": "已收录", "en": "In the data"},
    "coverage_missing": {"zh": "未收录(上下文)", "en": "Not in the data (in context)"},
    "source_hover": {"zh": "标黄的数字均已收录;鼠标悬停可查看指标编号、名称、数值和单位。", "en": "Every highlighted number is in the data; hover over it for its id, name, value and unit."},
    "about_title": {"zh": "关于数据", "en": "About the data"},
    "about_provenance": {"zh": "来源与许可", "en": "Provenance and licence"},
    "about_dictionary": {"zh": "数据字典", "en": "Data dictionary"},
    "about_counts": {"zh": "共 {n} 条指标,来自 {s} 份文件", "en": "{n} indicators from {s} document(s)"},
    # explorer and sql placeholders
    "explorer_title": {"zh": "指标浏览", "en": "Indicator explorer"},
    "explorer_intro": {"zh": "按专题、年份、类型、口径、单位和章节筛选全部指标,搜索名称与原文;点击一行查看详情。网址保存当前视图,可直接分享。", "en": "Filter every indicator by topic, year, kind, measure, unit and section, search names and source sentences; click a row for its details. The URL holds the view, so it can be shared."},
    "explorer_search": {"zh": "搜索", "en": "Search"},
    "explorer_search_hint": {"zh": "指标名称或原文,如:出口、就业", "en": "name or source sentence, e.g. export, 就业"},
    "explorer_sort": {"zh": "排序", "en": "Sort by"},
    "explorer_order": {"zh": "顺序", "en": "Order"},
    "explorer_rows": {"zh": "显示行数", "en": "Rows shown"},
    "explorer_columns": {"zh": "显示的列", "en": "Columns shown"},
    "explorer_facets": {"zh": "筛选", "en": "Facets"},
    "explorer_matches": {"zh": "共 {n} 条符合条件", "en": "{n} indicators match"},
    "explorer_select": {"zh": "点击表格中的一行查看原文上下文、对应的实绩或目标以及推算数据。", "en": "Click a row to see its sentence in context, the paired result or target, and derived figures."},
    "explorer_context": {"zh": "原文上下文", "en": "The sentence in context"},
    "explorer_paired": {"zh": "对应的实绩或目标", "en": "Paired result or target"},
    "explorer_derived": {"zh": "由此推算的数据(推算,非报告原数)", "en": "Derived from it (computed, not in the report)"},
    "explorer_none": {"zh": "无", "en": "None"},
    "open_source_link": {"zh": "在报告原文中查看", "en": "Show it in the report"},
    "facet_topic": {"zh": "专题", "en": "Topic"},
    "facet_year": {"zh": "年份", "en": "Year"},
    "facet_kind": {"zh": "类型", "en": "Kind"},
    "facet_measure": {"zh": "口径", "en": "Measure"},
    "facet_unit": {"zh": "单位", "en": "Unit"},
    "facet_section": {"zh": "章节", "en": "Section"},
    "sort_report": {"zh": "报告顺序", "en": "Report order"},
    "sort_value": {"zh": "数值", "en": "Value"},
    "sort_year": {"zh": "年份", "en": "Year"},
    "sort_indicator": {"zh": "指标名称", "en": "Name"},
    "sort_topic": {"zh": "专题", "en": "Topic"},
    "order_asc": {"zh": "升序", "en": "Ascending"},
    "order_desc": {"zh": "降序", "en": "Descending"},
    "rows_all": {"zh": "全部", "en": "All"},
    "sql_title": {"zh": "SQL 查询", "en": "SQL console"},
    "sql_intro": {"zh": "用 DuckDB SQL 查询数据。只允许单条 SELECT 查询;每条查询限时 {seconds} 秒,最多显示 {rows} 行。", "en": "Ask your own questions in DuckDB SQL. One SELECT query at a time; each runs for at most {seconds} s and shows at most {rows} rows."},
    "sql_editor": {"zh": "SQL 查询语句", "en": "SQL query"},
    "sql_run": {"zh": "运行", "en": "Run"},
    "sql_examples": {"zh": "示例查询(queries/ 中的预置查询)", "en": "Examples (the canned queries of queries/)"},
    "sql_pick": {"zh": "选择一个示例…", "en": "Pick an example…"},
    "sql_schema": {"zh": "表、视图与字段", "en": "Tables, views and columns"},
    "sql_result": {"zh": "{n} 行 · 用时 {ms} 毫秒", "en": "{n} row(s) · {ms} ms"},
    "sql_truncated": {"zh": "结果超过 {rows} 行,只显示前 {rows} 行。", "en": "The result has more than {rows} rows; only the first {rows} are shown."},
    "sql_empty": {"zh": "请输入一条 SQL 查询。", "en": "Enter a SQL query."},
    "sql_too_long": {"zh": "查询过长(最多 {chars} 个字符)。", "en": "The query is too long (at most {chars} characters)."},
    "sql_syntax": {"zh": "SQL 语法错误:", "en": "SQL syntax error:"},
    "sql_not_allowed": {"zh": "只允许单条 SELECT 查询;不允许创建、修改、删除数据,不允许 COPY、ATTACH、INSTALL、LOAD、SET、PRAGMA 等语句。", "en": "Only a single SELECT query is allowed: no statements that create, change or delete data, and no COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA or similar."},
    "sql_error": {"zh": "查询出错:", "en": "The query failed:"},
    "sql_timeout": {"zh": "查询超过 {seconds} 秒时限,已被终止。", "en": "The query ran past the {seconds} s limit and was stopped."},
    "sql_memory": {"zh": "查询所需内存超过上限,已被终止。", "en": "The query needed more memory than allowed and was stopped."},
    "sql_too_big": {"zh": "查询结果过大,无法显示。", "en": "The result is too large to show."},
    "sql_busy": {"zh": "查询繁忙,请稍后再试。", "en": "The console is busy; please try again in a moment."},
    "sql_crashed": {"zh": "查询进程意外终止。", "en": "The query process stopped unexpectedly."},
    # errors
    "data_error_title": {"zh": "数据未通过校验,看板无法加载", "en": "The data failed validation; the dashboard cannot load it"},
    "data_error_body": {
        "zh": "请修正 data/ 中的以下问题,然后重新加载页面:",
        "en": "Fix these problems in data/, then reload the page:",
    },
    "bad_param": {"zh": "已忽略无效的网址参数:{params}", "en": "Ignored unknown or malformed URL parameters: {params}"},
    "unexpected_error": {"zh": "出现意外错误,请刷新页面。", "en": "Something went wrong. Please reload the page."},
}


def t(key: str, lang: str, **fields) -> str:
    """The text for key in lang; fields fill {placeholders}."""
    entry = TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**fields) if fields else text


def pick_language(param: str | None, remembered: str | None, browser_locale: str | None) -> str:
    """?lang= wins, then the language chosen earlier in this session, then the browser, then Chinese."""
    for choice in (param, remembered):
        if choice in LANGS:
            return choice
    if browser_locale:
        prefix = browser_locale.split("-")[0].split("_")[0].lower()
        if prefix in LANGS:
            return prefix
    return DEFAULT_LANG


# How a value in a report unit is shown in English: (divide by, English unit, English template).
# The report counts in 万 (10^4) and 亿 (10^8); English readers expect millions and billions.
_EN_SCALE = {
    "亿元": (10, "CNY {v} bn"),
    "万美元": (100, "USD {v} m"),
    "万元": (100, "CNY {v} m"),
}
_EN_MULTIPLY = {"万平方米": 10000, "万人": 10000}


# The report's bound words (qualifier column) in English; 以上 follows the number, the rest precede it.
QUALIFIERS_EN = {
    "突破": "over", "超过": "more than", "以上": "or more", "力争": "striving for", "达到": "reaching",
    "达": "reaching", "保持在": "held at", "稳定在": "steady at", "争取": "aiming for", "争取突破": "aiming to pass",
    "力争突破": "striving to pass", "提升至": "raised to", "累计": "cumulative", "最多": "at most",
    "跻身": "among the", "保持": "keeping",
}
SUFFIX_QUALIFIERS = {"以上"}


def qualifier_parts(qualifier: str | None) -> tuple[str, str]:
    """(words before the number, words after it): 力争…以上 -> (力争, 以上); 以上 -> ("", 以上)."""
    if not isinstance(qualifier, str) or not qualifier.strip():
        return "", ""
    if "…" in qualifier:
        before, after = qualifier.split("…", 1)
        return before, after
    return ("", qualifier) if qualifier in SUFFIX_QUALIFIERS else (qualifier, "")


def qualifier_text(qualifier: str | None, lang: str) -> str:
    """The qualifier as a reader of lang sees it in a table column."""
    before, after = qualifier_parts(qualifier)
    if lang == "zh":
        return "…".join(p for p in (before, after) if p) if before and after else before or after
    words = [QUALIFIERS_EN.get(p, p) for p in (before, after) if p]
    return " … ".join(words)


def qualified(formatted: str, qualifier: str | None, lang: str) -> str:
    """A formatted value inside its bound words: 力争25个以上 / striving for 25 projects or more."""
    before, after = qualifier_parts(qualifier)
    if lang == "zh":
        return f"{before}{formatted}{after}"
    return " ".join(p for p in (QUALIFIERS_EN.get(before, before), formatted, QUALIFIERS_EN.get(after, after)) if p)


def _decimals(value: float) -> int:
    text = repr(float(value)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """A plain number with the language's grouping (Babel): 10,288 / 10,288."""
    decimals = _decimals(value) if decimals is None else decimals
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=BABEL_LOCALE[lang])


def format_value(value: float | None, unit: str, unit_en: str, lang: str, decimals: int | None = None) -> str:
    """A value with its unit, as a reader of lang expects: 660亿元 / CNY 66.0 bn; 10,288人 / 10,288 persons."""
    if value is None or value != value:  # None or NaN
        return "—"
    if decimals is None:
        decimals = _decimals(value)
    if lang == "zh":
        if unit == "万分之":
            return f"万分之{format_number(value, lang, decimals)}"
        if unit == "名":
            return f"第{format_number(value, lang, 0)}名"
        if unit == "比":
            return f"1:{format_number(value, lang, decimals)}"
        return f"{format_number(value, lang, decimals)}{unit}"
    if unit in _EN_SCALE:
        divisor, template = _EN_SCALE[unit]
        scaled = round(value / divisor, decimals + 2)
        # As many decimals as the scaled value needs (44.34, 119.79), at least one (66.0).
        return template.format(v=format_number(scaled, lang, max(1, _decimals(scaled))))
    if unit in _EN_MULTIPLY:
        scaled = value * _EN_MULTIPLY[unit]
        return f"{format_number(scaled, lang, max(0, decimals - 4))} {unit_en.split(' ', 1)[1]}"
    if unit == "%":
        return f"{format_number(value, lang, decimals)}%"
    if unit == "个百分点":
        return f"{format_number(value, lang, decimals)} pp"
    if unit == "名":
        return f"No. {format_number(value, lang, 0)}"
    if unit == "强":
        return f"top {format_number(value, lang, 0)}"
    if unit == "比":
        return f"1:{format_number(value, lang, decimals)}"
    return f"{format_number(value, lang, decimals)} {unit_en}"


def format_change(value: float | None, lang: str, decimals: int | None = None, yoy: bool = True) -> str | None:
    """A growth rate as a signed change, as the cards show it: +3.4% 同比 / +3.4% yoy (yoy=False: +3.4%, on a growth axis)."""
    if value is None or value != value:
        return None
    sign = "+" if value >= 0 else "−"
    return f"{sign}{format_number(abs(value), lang, decimals)}%" + (f" {t('yoy', lang)}" if yoy else "")
