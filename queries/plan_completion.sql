-- What beat or missed its annual plan: every completion rate, with the level it measures when reported, and the
-- results the report judges against the plan only in words (plan_verdict: GDP "难以完成年度目标"), which have no
-- rate (value NULL, measure of the result itself, so a chart of rates leaves them out and a list keeps them).
-- plan_outcome: 'beat' (over 100% of the plan, or the report says it was beaten), 'met' (exactly 100%: the plan,
-- no more), 'missed' (under 100%, or the report says it was missed: GDP, 难以完成年度目标). A completion rate
-- written as a bound (突破100%) decides only the side it bounds; where it decides neither, NULL.
-- beat_plan is plan_outcome = 'beat'. The rule is the macro plan_outcome (load/macros.sql).
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT
    c.id, c.series, c.topic, c.indicator_zh, c.indicator_en, c.year, c.period, c.measure, c.value, c.value_decimals,
    c.unit, c.unit_en, c.bound,
    c.direction, c.source_quote, c.source_quote_en,
    coalesce(plan_outcome(c.value, c.bound) = 'beat', false) AS beat_plan,
    plan_outcome(c.value, c.bound) AS plan_outcome,  -- load/macros.sql: the one rule
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
    v.plan_verdict,
    v.note,
    v.value,
    v.unit,
    v.unit_en
FROM indicators AS v
WHERE v.plan_verdict IS NOT NULL AND v.plan_verdict <> ''
ORDER BY value DESC NULLS LAST, beat_plan DESC
LIMIT $row_limit;
