-- results_vs_targets: each result paired with the next year's target of the same series and measure
-- (2020 result -> 2021 target), from the same source. The validator makes sure a pair measures the same thing
-- (same stock_flow, price_basis and unit), so the pair carries them once.
-- Stated: the result and the target with their bounds. Derived (is_derived = true for these columns):
-- gap: target minus result, in their shared unit (percentage points for rates and growth rates), rounded to the
--   decimals the two were written with; gap_bound is its bound (a lower-bound target over an exact result gives
--   a lower-bound gap); NULL, like change_needed_pct, when the two bounds pull opposite ways.
-- change_needed_pct: growth from the result needed to reach a level or count target, to the precision the two
--   support (at most 0.1; macros supported_places and half_unit_rel).
-- met_status: 'met' / 'not_met' / 'unknown' only for stocks and rates (levels at a point in time, shares,
--   coverage, ceilings), judged by the direction and the bounds; 'not_applicable' for flows and growth rates, since
--   a flow target for next year cannot be met this year. met_already is TRUE / FALSE for met / not_met, else NULL.
-- Materialised as a table: the data never changes after loading, so the pairing is computed once, not per query.
CREATE OR REPLACE TABLE results_vs_targets AS
WITH pairs AS (
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
        a.price_basis,
        a.stock_flow,
        a.direction,
        a.id AS result_id,
        a.year AS result_year,
        a.period AS result_period,
        a.value AS result_value,
        a.value_decimals AS result_decimals,
        a.qualifier AS result_qualifier,
        a.bound AS result_bound,
        a.source_quote AS result_quote,
        t.id AS target_id,
        t.year AS target_year,
        t.period AS target_period,
        t.value AS target_value,
        t.value_decimals AS target_decimals,
        t.qualifier AS target_qualifier,
        t.bound AS target_bound,
        t.source_quote AS target_quote,
        t.section AS target_section,
        t.csv_line AS target_csv_line,
        quotient_bound(t.bound, a.bound) AS gap_bound,
        a.stock_flow IN ('stock', 'rate') AND a.measure NOT IN ('yoy_growth_pct', 'pct_point_change')
        AND a.direction <> 'neutral' AS can_be_met,
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
),
judged AS (
    SELECT
        *,
        CASE
            WHEN NOT can_be_met THEN 'not_applicable'
            -- up: met when the result is at least the target; a result known only from below may still fall short
            WHEN direction = 'up' AND result_bound IN ('exact', 'at_least') AND result_value >= target_value
                THEN 'met'
            WHEN direction = 'up' AND result_bound IN ('exact', 'at_most') AND result_value < target_value
                THEN 'not_met'
            WHEN direction = 'down' AND result_bound IN ('exact', 'at_most') AND result_value <= target_value
                THEN 'met'
            WHEN direction = 'down' AND result_bound IN ('exact', 'at_least') AND result_value > target_value
                THEN 'not_met'
            ELSE 'unknown'
        END AS met_status
    FROM pairs
)
SELECT
    * EXCLUDE (can_be_met, met_status),
    CASE
        WHEN gap_bound IS NOT NULL
            THEN round_bound(target_value - result_value, greatest(result_decimals, target_decimals), gap_bound)
    END AS gap,
    CASE
        WHEN gap_bound IS NOT NULL AND measure IN ('level', 'count') AND result_value <> 0
            THEN round_bound(
                (target_value / result_value - 1) * 100,
                supported_places(
                    target_value / result_value * 100,
                    CASE
                        WHEN measure = 'count' THEN 0  -- 6 villages are exactly 6
                        ELSE half_unit_rel(target_value, target_decimals) + half_unit_rel(result_value, result_decimals)
                    END,
                    1
                ),
                gap_bound
            )
    END AS change_needed_pct,
    met_status,
    CASE met_status WHEN 'met' THEN true WHEN 'not_met' THEN false END AS met_already,
    true AS is_derived
FROM judged
ORDER BY topic, measure, series;
