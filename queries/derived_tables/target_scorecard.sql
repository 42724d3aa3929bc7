-- target_scorecard: one row per 2021 target, answering "how ambitious is it, against what 2020 achieved?".
-- Reads indicators only (not results_vs_targets, which pairs across periods), so it does not depend on the
-- order the loader runs derived_tables/ in.
-- The baseline is the 2020 result of the same series, measure, unit and source. It counts only for the same
-- period (a Jan-Nov result is never set against a full-year target): a pair of different periods is
-- no_baseline with comparability 'period_differs'; a pair of different price bases keeps its status but says
-- 'basis_differs'.
-- status:
--   raise_pace / hold_pace / ease_pace  growth-rate targets: above / within +-0.5 pp of / below the 2020 growth
--   above_2020 / below_2020             flow targets (a year's amount): at or above / below the 2020 amount
--   to_reach / met_already              stocks, rates and ceilings: 2020 not yet / already at the target,
--                                       judged by direction (lower is better for unemployment, approval days)
--   no_baseline                         no comparable 2020 figure in the report
-- distance (derived): target - 2020 in pp (distance_kind 'pp'), the growth the target implies
-- ('implied_growth_pct'), or target - 2020 in the unit ('gap'); distance_bound says whether it is a bound
-- (a target "over 170" against a result "over 150" is a gap of about 20, not exactly 20).
-- family: which chart the row belongs to, so no chart mixes units: growth (% a year), flow (implied growth %),
-- rate (shares and rates in %), stock (stocks, ceilings and rates in other units, as change needed in %).
-- change_pct (derived): target / 2020 - 1, in %, for flows and stocks.
CREATE OR REPLACE TABLE target_scorecard AS
WITH
meaning AS (
    -- stock_flow, bound and price_basis: data/README.md
    SELECT * FROM indicators
),
targets AS (
    SELECT * FROM meaning WHERE kind = 'target'
),
candidates AS (
    -- every 2020 result a target could be set against, the same period first
    SELECT
        t.id AS target_id,
        arg_min(a.id, (a.period <> t.period)::INTEGER) AS baseline_id
    FROM targets AS t
    INNER JOIN meaning AS a
        ON
            a.kind = 'actual' AND a.series = t.series AND a.measure = t.measure AND a.unit = t.unit
            AND a.source_id = t.source_id AND a.year = t.year - 1
    GROUP BY t.id
),
pairs AS (
    SELECT
        t.*,
        b.id AS baseline_id,
        b.year AS baseline_year,
        b.value AS baseline_value,
        b.value_decimals AS baseline_decimals,
        b.qualifier AS baseline_qualifier,
        b.bound AS baseline_bound,
        b.period AS baseline_period,
        b.price_basis AS baseline_price_basis,
        b.source_quote AS baseline_quote,
        b.indicator_zh AS baseline_indicator_zh,
        b.indicator_en AS baseline_indicator_en,
        CASE
            WHEN b.id IS NULL THEN 'no_figure'
            WHEN b.period <> t.period THEN 'period_differs'
            WHEN b.price_basis IS DISTINCT FROM t.price_basis THEN 'basis_differs'
            ELSE 'comparable'
        END AS comparability,
        CASE
            WHEN t.measure = 'yoy_growth_pct' THEN 'growth'
            WHEN t.stock_flow = 'flow' AND t.bound <> 'at_most' AND t.direction <> 'down' THEN 'flow'
            WHEN t.stock_flow IN ('rate', 'rank') AND t.unit = '%' THEN 'rate'
            ELSE 'stock'
        END AS family
    FROM targets AS t
    LEFT JOIN candidates AS c ON t.id = c.target_id
    LEFT JOIN meaning AS b ON c.baseline_id = b.id
),
measured AS (
    SELECT
        *,
        comparability IN ('comparable', 'basis_differs') AS has_baseline,
        CASE
            WHEN comparability NOT IN ('comparable', 'basis_differs') THEN NULL
            WHEN family = 'flow' AND baseline_value <> 0 THEN round((value / baseline_value - 1) * 100, 1)
            WHEN family <> 'flow' THEN round(value - baseline_value, 4)
        END AS distance,
        CASE family WHEN 'growth' THEN 'pp' WHEN 'flow' THEN 'implied_growth_pct' ELSE 'gap' END AS distance_kind,
        CASE
            WHEN
                comparability IN ('comparable', 'basis_differs') AND baseline_value <> 0
                AND family IN ('flow', 'stock')
                THEN round((value / baseline_value - 1) * 100, 1)
        END AS change_pct
    FROM pairs
)
SELECT
    id AS target_id,
    series,
    topic,
    coalesce(baseline_indicator_zh, indicator_zh) AS indicator_zh,
    coalesce(baseline_indicator_en, indicator_en) AS indicator_en,
    measure,
    stock_flow,
    family,
    unit,
    unit_en,
    direction,
    year AS target_year,
    period AS target_period,
    value AS target_value,
    value_decimals AS target_decimals,
    qualifier AS target_qualifier,
    bound AS target_bound,
    price_basis AS target_price_basis,
    source_quote AS target_quote,
    baseline_id,
    baseline_year,
    baseline_period,
    baseline_value,
    baseline_decimals,
    baseline_qualifier,
    baseline_bound,
    baseline_price_basis,
    baseline_quote,
    comparability,
    CASE
        WHEN NOT has_baseline THEN 'no_baseline'
        WHEN family = 'growth' AND distance > 0.5 THEN 'raise_pace'
        WHEN family = 'growth' AND distance < -0.5 THEN 'ease_pace'
        WHEN family = 'growth' THEN 'hold_pace'
        WHEN family = 'flow' AND value >= baseline_value THEN 'above_2020'
        WHEN family = 'flow' THEN 'below_2020'
        WHEN direction = 'down' AND baseline_value <= value THEN 'met_already'
        WHEN direction <> 'down' AND baseline_value >= value THEN 'met_already'
        ELSE 'to_reach'
    END AS status,
    distance,
    distance_kind,
    CASE
        WHEN distance IS NULL THEN NULL
        WHEN bound = 'exact' AND baseline_bound = 'exact' THEN 'exact'
        WHEN baseline_bound = 'exact' THEN bound
        WHEN bound = 'exact' AND baseline_bound = 'at_least' THEN 'at_most'
        WHEN bound = 'exact' AND baseline_bound = 'at_most' THEN 'at_least'
        ELSE 'about'
    END AS distance_bound,
    change_pct,
    section,
    csv_line,
    source_id
FROM measured
ORDER BY csv_line;
