-- What beat or missed its annual plan: every completion rate, with the level it measures when reported, and the
-- results the report judges against the plan only in words (plan_verdict: GDP "难以完成年度目标"), which have no
-- rate (value NULL, measure of the result itself, so a chart of rates leaves them out and a list keeps them).
-- beat_plan is true where at least 100% of the annual plan was completed, or the report says it was beaten.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT
    c.id, c.series, c.topic, c.indicator_zh, c.indicator_en, c.year, c.period, c.measure, c.value, c.value_decimals,
    c.unit, c.unit_en, c.bound,
    c.direction, c.source_quote, c.source_quote_en,
    c.value >= 100 AS beat_plan,
    NULL::VARCHAR AS plan_verdict,
    NULL::VARCHAR AS note,
    l.value AS level_value,
    l.unit AS level_unit,
    l.unit_en AS level_unit_en
FROM indicators AS c
LEFT JOIN indicators AS l
    ON l.series = c.series AND l.year = c.year AND l.kind = 'actual' AND l.measure = 'level'
WHERE c.kind = 'actual' AND c.measure = 'completion_pct'
UNION ALL
SELECT
    v.id, v.series, v.topic, v.indicator_zh, v.indicator_en, v.year, v.period, v.measure, NULL, NULL,
    '%', '%', v.bound,
    v.direction, v.source_quote, v.source_quote_en,
    v.plan_verdict = 'beat',
    v.plan_verdict,
    v.note,
    v.value,
    v.unit,
    v.unit_en
FROM indicators AS v
WHERE v.plan_verdict IS NOT NULL AND v.plan_verdict <> ''
ORDER BY value DESC NULLS LAST, beat_plan DESC
LIMIT $row_limit;
