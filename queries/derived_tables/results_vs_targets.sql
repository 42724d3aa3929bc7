-- results_vs_targets: each result paired with the next year's target of the same series and measure
-- (2020 result -> 2021 target), from the same source.
-- gap: target minus result, in their shared unit.
-- change_needed_pct: growth from the result needed to reach a level or count target (derived).
-- met_already: the result is already at or past the target, judged by the indicator's direction.
-- Materialised as a table: the data never changes after loading, so the pairing is computed once, not per query.
CREATE OR REPLACE TABLE results_vs_targets AS
SELECT
    a.series,
    a.measure,
    a.topic,
    a.indicator_zh,
    a.indicator_en,
    t.indicator_zh AS target_indicator_zh,
    t.indicator_en AS target_indicator_en,
    a.unit,
    a.unit_en,
    a.direction,
    a.id AS result_id,
    a.year AS result_year,
    a.value AS result_value,
    a.value_decimals AS result_decimals,
    a.qualifier AS result_qualifier,
    a.source_quote AS result_quote,
    t.id AS target_id,
    t.year AS target_year,
    t.value AS target_value,
    t.value_decimals AS target_decimals,
    t.qualifier AS target_qualifier,
    t.source_quote AS target_quote,
    t.section AS target_section,
    t.csv_line AS target_csv_line,
    a.period AS result_period,
    t.period AS target_period,
    a.bound AS result_bound,
    t.bound AS target_bound,
    round(t.value - a.value, 4) AS gap,
    CASE
        WHEN a.measure IN ('level', 'count') AND a.value <> 0
            THEN round((t.value / a.value - 1) * 100, 1)
    END AS change_needed_pct,
    CASE a.direction
        WHEN 'up' THEN a.value >= t.value
        WHEN 'down' THEN a.value <= t.value
    END AS met_already,
    a.source_id
FROM indicators AS a
INNER JOIN indicators AS t
    ON
        a.series = t.series
        AND a.measure = t.measure
        AND a.unit = t.unit
        AND a.source_id = t.source_id
        AND t.year = a.year + 1
WHERE a.kind = 'actual' AND t.kind = 'target'
ORDER BY a.topic, a.measure, a.series;
