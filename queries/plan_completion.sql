-- What beat or missed its annual plan: every completion rate, with the level it measures when reported.
-- beat_plan is true where at least 100% of the annual plan was completed.
-- $row_limit: the most rows returned (db.ROW_LIMIT unless given).
SELECT
    c.id, c.series, c.topic, c.indicator_zh, c.indicator_en, c.year, c.period, c.measure, c.value, c.value_decimals,
    c.unit, c.unit_en, c.bound,
    c.direction, c.source_quote, c.source_quote_en,
    c.value >= 100 AS beat_plan,
    l.value AS level_value,
    l.unit AS level_unit,
    l.unit_en AS level_unit_en
FROM indicators AS c
LEFT JOIN indicators AS l
    ON l.series = c.series AND l.year = c.year AND l.kind = 'actual' AND l.measure = 'level'
WHERE c.kind = 'actual' AND c.measure = 'completion_pct'
ORDER BY c.value DESC
LIMIT $row_limit;
