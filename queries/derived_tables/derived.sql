-- derived: figures the report implies but does not state, computed here and never stored in the CSV.
-- Every row has is_derived = true, its formula in words (zh, en), the ids it is computed from, and its type:
-- price_basis (a level grown by a real growth target is at the base year's prices: comparable), stock_flow,
-- period and bound (a figure computed from a lower bound is itself a bound; where the inputs' bounds pull opposite
-- ways no bound can be stated and the figure is left out). Values are rounded to what the inputs support: each
-- input is known to half a unit of its last written digit; the errors add up relatively and the figure keeps the
-- decimals whose unit is at least twice its error (never more than its level's decimals, or 0.1 for a growth
-- rate): 11979 ÷ 67.3 % is 17,800, not 17,799.41. A lower bound is rounded down and an upper bound up.
-- Kinds of derived figure:
--   implied_target_level  next year's level implied by a growth target on this year's level
--   growth_needed         growth from this year's level needed to reach next year's level target
--   implied_plan          the annual plan implied by a level and its completion rate
--   implied_prior_level   last year's level implied by this year's level and its growth rate (same price basis),
--                         on this year's scope (同口径: growth compares the same set of units), not necessarily the
--                         level published for last year
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
),
implied_target_level AS (
    SELECT
        'implied_target_level__' || l.series AS derived_id,
        'implied_target_level' AS derivation,
        l.series, l.topic, gt.year, l.period, 'level' AS measure,
        product_bound(l.bound, gt.bound) AS bound,
        -- real growth on a nominal level gives next year's volume at this year's prices; a growth target whose
        -- basis is not stated gives a level whose basis is not stated either
        CASE WHEN gt.price_basis IN ('comparable', 'not_stated') THEN gt.price_basis ELSE l.price_basis END
            AS price_basis,
        l.stock_flow,
        l.value * (1 + gt.value / 100) AS raw_value,
        supported_places(
            l.value * (1 + gt.value / 100),
            half_unit_rel(l.value, l.value_decimals, l.bound, l.kind) + half_unit_rel(100 + gt.value, gt.value_decimals, gt.bound, gt.kind),
            l.value_decimals
        ) AS places,
        l.indicator_zh || '(按增速目标推算的' || gt.year || '年水平'
        || CASE
            WHEN gt.price_basis = 'comparable' THEN ',按' || l.year || '年价格'
            WHEN gt.price_basis = 'not_stated' THEN ',增速价格口径未说明'
            ELSE ''
        END || ')' AS indicator_zh,
        l.indicator_en || ' (' || gt.year || ' level implied by the growth target'
        || CASE
            WHEN gt.price_basis = 'comparable' THEN ', at ' || l.year || ' prices'
            WHEN gt.price_basis = 'not_stated' THEN ', price basis of the growth not stated'
            ELSE ''
        END || ')' AS indicator_en,
        l.unit, l.unit_en,
        l.year || '年实绩 × (1 + ' || gt.year || '年增速目标)'
        || CASE
            WHEN gt.price_basis = 'comparable' THEN ';增速为可比价,结果按' || l.year || '年价格计'
            WHEN gt.price_basis = 'not_stated' THEN ';报告未说明增速的价格口径:若为可比价增速,结果按' || l.year || '年价格计,并非名义预测'
            ELSE ''
        END
        AS formula_zh,
        l.year || ' level × (1 + ' || gt.year || ' growth target)'
        || CASE
            WHEN gt.price_basis = 'comparable'
                THEN '; real growth, so at ' || l.year || ' prices, not a nominal forecast'
            WHEN gt.price_basis = 'not_stated'
                THEN '; the report does not state the growth''s price basis: if real (the NBS convention), at '
                || l.year || ' prices, not a nominal forecast'
            ELSE ''
        END AS formula_en,
        [l.id, gt.id] AS input_ids, l.source_id
    FROM levels AS l
    INNER JOIN growth_targets AS gt
        ON
            l.series = gt.series AND gt.year = l.year + 1 AND l.period = gt.period AND l.source_id = gt.source_id
            AND (
                l.price_basis = gt.price_basis
                OR (l.price_basis = 'nominal' AND gt.price_basis IN ('comparable', 'not_stated'))
            )
),
growth_needed AS (
    SELECT
        'growth_needed__' || l.series,
        'growth_needed',
        l.series, l.topic, lt.year, lt.period, 'yoy_growth_pct',
        quotient_bound(lt.bound, l.bound),
        l.price_basis, 'flow',
        (lt.value / l.value - 1) * 100,
        supported_places(
            lt.value / l.value * 100,
            half_unit_rel(lt.value, lt.value_decimals, lt.bound, lt.kind) + half_unit_rel(l.value, l.value_decimals, l.bound, l.kind), 1
        ),
        l.indicator_zh || '(实现' || lt.year || '年目标所需增速)',
        l.indicator_en || ' (growth needed to reach the ' || lt.year || ' target)',
        '%', '%',
        '(' || lt.year || '年目标 ÷ ' || l.year || '年实绩 − 1) × 100',
        '(' || lt.year || ' target ÷ ' || l.year || ' level − 1) × 100',
        [l.id, lt.id], l.source_id
    FROM levels AS l
    INNER JOIN level_targets AS lt
        ON
            l.series = lt.series AND l.unit = lt.unit AND l.price_basis = lt.price_basis
            AND l.stock_flow = lt.stock_flow AND lt.year = l.year + 1 AND l.source_id = lt.source_id
    WHERE l.value <> 0
),
implied_plan AS (
    SELECT
        'implied_plan__' || l.series,
        'implied_plan',
        l.series, l.topic, l.year, l.period, 'level',
        quotient_bound(l.bound, c.bound),
        l.price_basis, l.stock_flow,
        l.value / (c.value / 100),
        supported_places(
            l.value / (c.value / 100),
            half_unit_rel(l.value, l.value_decimals, l.bound, l.kind) + half_unit_rel(c.value, c.value_decimals, c.bound, c.kind), l.value_decimals
        ),
        l.indicator_zh || '(由完成率推算的' || l.year || '年计划)',
        l.indicator_en || ' (' || l.year || ' plan implied by the completion rate)',
        l.unit, l.unit_en,
        '实绩 ÷ 年度计划完成率',
        'result ÷ completion rate',
        [l.id, c.id], l.source_id
    FROM levels AS l
    INNER JOIN completion AS c
        ON l.series = c.series AND l.year = c.year AND l.source_id = c.source_id
    WHERE c.value <> 0
),
implied_prior_level AS (
    SELECT
        'implied_prior_level__' || l.series || '__' || l.period,
        'implied_prior_level',
        l.series, l.topic, l.year - 1, l.period, 'level',
        quotient_bound(l.bound, g.bound),
        l.price_basis, l.stock_flow,
        l.value / (1 + g.value / 100),
        supported_places(
            l.value / (1 + g.value / 100),
            half_unit_rel(l.value, l.value_decimals, l.bound, l.kind) + half_unit_rel(100 + g.value, g.value_decimals, g.bound, g.kind),
            l.value_decimals
        ),
        l.indicator_zh || '(由增速推算的' || (l.year - 1) || '年同口径水平)',
        l.indicator_en || ' (' || (l.year - 1) || ' level implied by the growth rate, on ' || l.year || '''s scope)',
        l.unit, l.unit_en,
        l.year || '年实绩 ÷ (1 + 同比增速);同比增速按同口径计算,所得为与' || l.year
        || '年同口径(同一统计范围)的上年水平,不一定等于' || (l.year - 1) || '年公布的数',
        l.year || ' level ÷ (1 + growth rate); growth is computed on the same scope (同口径: the same set of units), '
        || 'so this is last year''s level on ' || l.year || '''s scope, not necessarily the figure published for '
        || (l.year - 1),
        [l.id, g.id], l.source_id
    FROM levels AS l
    INNER JOIN growth AS g
        ON
            l.series = g.series AND l.year = g.year AND l.period = g.period AND l.source_id = g.source_id
            -- a real growth rate cannot turn a nominal level into last year's nominal level
            AND l.price_basis = g.price_basis
),
computed AS (
    SELECT * FROM implied_target_level
    UNION ALL SELECT * FROM growth_needed
    UNION ALL SELECT * FROM implied_plan
    UNION ALL SELECT * FROM implied_prior_level
)
SELECT
    derived_id, derivation, series, topic, indicator_zh, indicator_en, year, period, measure,
    round_bound(raw_value, places, bound) AS value,
    greatest(places, 0) AS value_decimals,
    unit, unit_en, price_basis, stock_flow, bound,
    true AS is_derived,
    formula_zh, formula_en, input_ids, source_id
FROM computed
-- inputs whose bounds pull opposite ways give no figure that can be stated
WHERE bound IS NOT NULL;
