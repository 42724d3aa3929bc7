-- derived: figures the report implies but does not state, computed here and never stored in the CSV.
-- Every row has is_derived = true, its formula in words (zh, en) and the ids of the facts it is computed from.
-- Kinds of derived figure:
--   implied_target_level  next year's level implied by a growth target on this year's level
--   growth_needed         growth from this year's level needed to reach next year's level target
--   implied_plan          the annual plan implied by a level and its completion rate
--   implied_prior_level   last year's level implied by this year's level and its growth rate
-- Materialised as a table, like results_vs_targets: computed once at load time.
CREATE OR REPLACE TABLE derived AS
WITH
levels AS (
    SELECT * FROM indicators WHERE kind = 'actual' AND measure = 'level'
),
growth AS (
    SELECT * FROM indicators WHERE kind = 'actual' AND measure = 'yoy_growth_pct'
),
growth_targets AS (
    SELECT * FROM indicators WHERE kind = 'target' AND measure = 'yoy_growth_pct'
),
level_targets AS (
    SELECT * FROM indicators WHERE kind = 'target' AND measure = 'level'
),
completion AS (
    SELECT * FROM indicators WHERE kind = 'actual' AND measure = 'completion_pct'
)
SELECT
    'implied_target_level__' || l.series AS derived_id,
    'implied_target_level' AS derivation,
    l.series, l.topic,
    l.indicator_zh || '(按增速目标推算的' || gt.year || '年水平)' AS indicator_zh,
    l.indicator_en || ' (' || gt.year || ' level implied by the growth target)' AS indicator_en,
    gt.year, 'level' AS measure,
    round(l.value * (1 + gt.value / 100), 2) AS value,
    l.unit, l.unit_en,
    l.year || '年实绩 × (1 + ' || gt.year || '年增速目标)' AS formula_zh,
    l.year || ' level × (1 + ' || gt.year || ' growth target)' AS formula_en,
    [l.id, gt.id] AS input_ids, l.source_id
FROM levels AS l
INNER JOIN growth_targets AS gt
    ON l.series = gt.series AND gt.year = l.year + 1 AND l.source_id = gt.source_id
UNION ALL
SELECT
    'growth_needed__' || l.series,
    'growth_needed',
    l.series, l.topic,
    l.indicator_zh || '(实现' || lt.year || '年目标所需增速)',
    l.indicator_en || ' (growth needed to reach the ' || lt.year || ' target)',
    lt.year, 'yoy_growth_pct',
    round((lt.value / l.value - 1) * 100, 1),
    '%', '%',
    '(' || lt.year || '年目标 ÷ ' || l.year || '年实绩 − 1) × 100',
    '(' || lt.year || ' target ÷ ' || l.year || ' level − 1) × 100',
    [l.id, lt.id], l.source_id
FROM levels AS l
INNER JOIN level_targets AS lt
    ON
        l.series = lt.series AND l.unit = lt.unit
        AND lt.year = l.year + 1 AND l.source_id = lt.source_id
WHERE l.value <> 0
UNION ALL
SELECT
    'implied_plan__' || l.series,
    'implied_plan',
    l.series, l.topic,
    l.indicator_zh || '(由完成率推算的' || l.year || '年计划)',
    l.indicator_en || ' (' || l.year || ' plan implied by the completion rate)',
    l.year, 'level',
    round(l.value / (c.value / 100), 2),
    l.unit, l.unit_en,
    '实绩 ÷ 年度计划完成率',
    'result ÷ completion rate',
    [l.id, c.id], l.source_id
FROM levels AS l
INNER JOIN completion AS c
    ON l.series = c.series AND l.year = c.year AND l.source_id = c.source_id
WHERE c.value <> 0
UNION ALL
SELECT
    'implied_prior_level__' || l.series || '__' || l.period,
    'implied_prior_level',
    l.series, l.topic,
    l.indicator_zh || '(由增速推算的' || (l.year - 1) || '年水平)',
    l.indicator_en || ' (' || (l.year - 1) || ' level implied by the growth rate)',
    l.year - 1, 'level',
    round(l.value / (1 + g.value / 100), 2),
    l.unit, l.unit_en,
    l.year || '年实绩 ÷ (1 + 同比增速)',
    l.year || ' level ÷ (1 + growth rate)',
    [l.id, g.id], l.source_id
FROM levels AS l
INNER JOIN growth AS g
    ON
        l.series = g.series AND l.year = g.year
        AND l.period = g.period AND l.source_id = g.source_id;
