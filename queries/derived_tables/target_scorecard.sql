-- target_scorecard: one row per 2021 target, answering "how ambitious is it, against what 2020 achieved?". It is
-- the ONE definition of a target's baseline, status and distance: results_vs_targets is built from it
-- (jiangbei.core.store loads this file first), so the two tables never disagree.
-- The baseline is the 2020 result of the same series, measure, unit and source. It counts only for the same
-- period (a Jan-Nov result is never set against a full-year target): a pair of different periods is
-- no_baseline with comparability 'period_differs'; a pair of different price bases keeps its status but says
-- 'basis_differs'.
-- Derived figures, each rounded by the one precision rule (load/macros.sql: places_for_error, round_bound), with
-- its decimals, bound and unit in the data so no page can get them wrong:
--   gap          target - 2020 in their shared unit; for rates and growth rates in percentage points
--                (gap_unit 个百分点 / pp); gap_bound its bound; NULL when the two bounds pull opposite ways
--                (both lower bounds: the gap is unknown, gap_unknown_reason says why)
--   change_pct   target / 2020 - 1 in % (change_unit %): the growth a level or count target implies
--   distance     the figure the chart and the status use: gap for growth rates, rates and stocks ('pp' / 'gap'),
--                change_pct for flows ('implied_growth_pct'); distance_decimals, distance_bound, distance_unit
-- status (one rule, from the distance and its bound; a figure known only as a bound never decides more than it
-- can), each code saying why:
--   growth                raise_pace / hold_pace / ease_pace (above / within +-0.5 pp of / below the 2020 growth)
--   flows, rates of a year's flows   above_2020 / equal_2020 / below_2020
--   stocks, point-in-time rates      met_already / to_reach (2020 already at / not yet at the target level, judged
--                         by direction: lower is better for unemployment; a floor below or a ceiling above the
--                         2020 level is met already, the one answer results_vs_targets.met_status gives too)
--   flows, growth         equal_2020 when the target is the 2020 figure; floor_below_2020 (a lower-bound target
--                         below what 2020 achieved); ceiling_above_2020 (an upper-bound target above 2020)
--   unknown_both_lower_bounds / unknown_both_upper_bounds (the two bounds leave the gap open: 突破150 against
--                         超过170); unknown_bounds_open (a bound that does not decide the side asked)
--   no_baseline (no 2020 figure of the same measure in the report); no_baseline_period (2020 only for Jan-Nov);
--   no_baseline_parts (2020 given only in parts: 一网一膜 is 工业物联网 115.1 and 光电膜材料 19.7 亿元, never added
--                         up in the report, so no sum is stated here)
-- family: which chart the row belongs to, so no chart mixes units: growth (% a year), flow (implied growth %),
-- rate (shares and rates in %), stock (stocks, ceilings and rates in other units).
CREATE OR REPLACE TABLE target_scorecard AS
WITH
targets AS (
    SELECT * FROM indicators WHERE kind = 'target'
),
-- targets whose 2020 figure the report gives only in parts: (target series, part series), curated from the
-- report's wording (“一网一膜”…工业物联网、光电膜材料实现产值115.1亿元、19.7亿元)
parts_of (series, part_series) AS (
    VALUES ('net_film_industry_output', 'industrial_iot_output'), ('net_film_industry_output', 'optical_film_output')
),
parted AS (
    SELECT p.series, list(a.id ORDER BY a.csv_line) AS part_ids
    FROM parts_of AS p
    INNER JOIN indicators AS a ON a.series = p.part_series AND a.kind = 'actual' AND a.measure = 'level'
    GROUP BY p.series
),
candidates AS (
    -- every 2020 result a target could be set against, the same period first
    SELECT
        t.id AS target_id,
        arg_min(a.id, (a.period <> t.period)::INTEGER) AS baseline_id
    FROM targets AS t
    INNER JOIN indicators AS a
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
        b.source_quote_en AS baseline_quote_en,
        b.note AS baseline_note,
        b.indicator_zh AS baseline_indicator_zh,
        b.indicator_en AS baseline_indicator_en,
        CASE
            WHEN b.id IS NULL AND pt.series IS NOT NULL THEN 'parts_only'
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
        END AS family,
        -- a stock, or a rate read at a point in time (year end, end of November), can be met already; a rate of a
        -- year's flows (R&D ÷ GDP, a share of the year's exports, water zones up to standard over the year) is
        -- for next year a new year's figure, judged like a flow: at or above / below 2020
        (t.stock_flow = 'stock' OR (t.stock_flow IN ('rate', 'rank') AND t.period IN ('year_end', 'jan_nov')))
        AND t.measure NOT IN ('yoy_growth_pct', 'pct_point_change') AND t.direction <> 'neutral' AS point_in_time,
        -- a difference of two rates or growth rates in % is in percentage points (24.7 against 25 per ten
        -- thousand stays per ten thousand)
        t.unit = '%' AS in_points,
        pt.part_ids
    FROM targets AS t
    LEFT JOIN candidates AS c ON t.id = c.target_id
    LEFT JOIN indicators AS b ON c.baseline_id = b.id
    LEFT JOIN parted AS pt ON t.series = pt.series
),
bounded AS (
    SELECT
        *,
        comparability IN ('comparable', 'basis_differs') AS has_baseline,
        CASE WHEN comparability IN ('comparable', 'basis_differs') THEN quotient_bound(bound, baseline_bound) END
            AS gap_bound
    FROM pairs
),
precise AS (
    SELECT
        *,
        CASE WHEN gap_bound IS NOT NULL THEN value - baseline_value END AS raw_gap,
        places_for_error(
            half_unit(value_decimals, bound, kind) + half_unit(baseline_decimals, baseline_bound, 'actual'),
            greatest(value_decimals, baseline_decimals)
        ) AS gap_decimals,
        CASE
            WHEN gap_bound IS NOT NULL AND measure IN ('level', 'count') AND baseline_value > 0
                THEN (value / baseline_value - 1) * 100
        END AS raw_change,
        CASE
            WHEN measure = 'count' THEN 1  -- 6 villages are exactly 6: a change in counts keeps one decimal
            WHEN baseline_value > 0 THEN supported_places(
                value / baseline_value * 100,
                half_unit_rel(value, value_decimals, bound, kind)
                + half_unit_rel(baseline_value, baseline_decimals, baseline_bound, 'actual'),
                1
            )
        END AS change_decimals
    FROM bounded
),
rounded AS (
    SELECT
        *,
        round_bound(raw_gap, gap_decimals, gap_bound) AS gap,
        round_bound(raw_change, change_decimals, gap_bound) AS change_pct
    FROM precise
),
measured AS (
    SELECT
        *,
        CASE family WHEN 'growth' THEN 'pp' WHEN 'flow' THEN 'implied_growth_pct' ELSE 'gap' END AS distance_kind,
        CASE WHEN family = 'flow' THEN change_pct ELSE gap END AS distance,
        CASE WHEN family = 'flow' THEN change_decimals ELSE gap_decimals END AS distance_decimals
    FROM rounded
)
SELECT
    id AS target_id,
    series,
    topic,
    coalesce(baseline_indicator_zh, indicator_zh) AS indicator_zh,
    coalesce(baseline_indicator_en, indicator_en) AS indicator_en,
    indicator_zh AS target_indicator_zh,
    indicator_en AS target_indicator_en,
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
    source_quote_en AS target_quote_en,
    note AS target_note,
    baseline_id,
    baseline_year,
    baseline_period,
    baseline_value,
    baseline_decimals,
    baseline_qualifier,
    baseline_bound,
    baseline_price_basis,
    baseline_quote,
    baseline_quote_en,
    baseline_note,
    comparability,
    part_ids,
    point_in_time,
    CASE
        WHEN comparability = 'period_differs' THEN 'no_baseline_period'
        WHEN comparability = 'parts_only' THEN 'no_baseline_parts'
        WHEN NOT has_baseline THEN 'no_baseline'
        WHEN gap_bound IS NULL AND bound = 'at_least' THEN 'unknown_both_lower_bounds'
        WHEN gap_bound IS NULL AND bound = 'at_most' THEN 'unknown_both_upper_bounds'
        WHEN gap_bound IS NULL THEN 'unknown_bounds_open'
        -- stocks and point-in-time rates: is the 2020 level already at the target? One answer for every page: a
        -- floor below or a ceiling above the 2020 level (medical insurance 99% against 99.9%, unemployment 3.5%
        -- against 2.6%) is met already, like pension's 98% against 99.7%. A 2020 lower bound cannot say "not yet"
        WHEN point_in_time AND direction = 'down' AND baseline_bound IN ('exact', 'at_most') AND baseline_value <= value
            THEN 'met_already'
        WHEN point_in_time AND direction <> 'down' AND baseline_bound IN ('exact', 'at_least') AND baseline_value >= value
            THEN 'met_already'
        WHEN point_in_time AND direction = 'down' AND baseline_bound IN ('exact', 'at_least') AND baseline_value > value
            THEN 'to_reach'
        WHEN point_in_time AND direction <> 'down' AND baseline_bound IN ('exact', 'at_most') AND baseline_value < value
            THEN 'to_reach'
        -- a floor below, or a ceiling above, what 2020 achieved for a year's amount or pace: 2020's figure would
        -- satisfy it again
        WHEN bound = 'at_least' AND baseline_bound IN ('exact', 'at_least') AND baseline_value > value
            THEN 'floor_below_2020'
        WHEN bound = 'at_most' AND baseline_bound IN ('exact', 'at_most') AND baseline_value < value
            THEN 'ceiling_above_2020'
        -- growth: the pace against 2020; a bound decides only the side it bounds
        WHEN family = 'growth' AND gap > 0.5 AND gap_bound <> 'at_most' THEN 'raise_pace'
        WHEN family = 'growth' AND gap < -0.5 AND gap_bound <> 'at_least' THEN 'ease_pace'
        WHEN family = 'growth' AND gap_bound IN ('exact', 'about') THEN 'hold_pace'
        WHEN family = 'growth' THEN 'unknown_bounds_open'
        -- the target is the 2020 figure itself (84 against 84, 100% against 100%, 25以上 against 25)
        WHEN baseline_bound = 'exact' AND value = baseline_value THEN 'equal_2020'
        -- a year's amount or rate: the target against the 2020 figure
        WHEN NOT point_in_time AND raw_gap > 0 AND gap_bound <> 'at_most' THEN 'above_2020'
        WHEN NOT point_in_time AND raw_gap < 0 AND gap_bound <> 'at_least' THEN 'below_2020'
        WHEN NOT point_in_time THEN 'unknown_bounds_open'
        ELSE 'unknown_bounds_open'
    END AS status,
    distance,
    distance_kind,
    distance_decimals,
    CASE WHEN distance IS NOT NULL THEN gap_bound END AS distance_bound,
    CASE
        WHEN family = 'flow' THEN '%'
        WHEN in_points THEN '个百分点'
        ELSE unit
    END AS distance_unit,
    CASE
        WHEN family = 'flow' THEN '%'
        WHEN in_points THEN 'pp'
        ELSE unit_en
    END AS distance_unit_en,
    gap,
    gap_decimals,
    gap_bound,
    CASE WHEN in_points THEN '个百分点' ELSE unit END AS gap_unit,
    CASE WHEN in_points THEN 'pp' ELSE unit_en END AS gap_unit_en,
    CASE
        WHEN has_baseline AND gap_bound IS NULL AND bound = 'at_least' THEN 'both_lower_bounds'
        WHEN has_baseline AND gap_bound IS NULL AND bound = 'at_most' THEN 'both_upper_bounds'
        WHEN has_baseline AND gap_bound IS NULL THEN 'bounds_opposite'
    END AS gap_unknown_reason,
    change_pct,
    change_decimals,
    CASE WHEN change_pct IS NOT NULL THEN '%' END AS change_unit,
    section,
    csv_line,
    source_id
FROM measured
ORDER BY csv_line;
