-- results_vs_targets: each 2020 result beside the 2021 target of the same series and measure, one row per target
-- that has a comparable 2020 figure (same period). Built from target_scorecard, the one definition of the pairing,
-- the status and the derived figures (jiangbei.core.store loads it first), so the two tables cannot contradict each other.
-- Stated: the result and the target with their bounds. Derived (is_derived = true for these columns), each with
-- its decimals, bound and unit: gap (target minus result; percentage points for rates and growth rates),
-- change_needed_pct (the growth from the result a level or count target implies), met_status.
-- met_status: 'met' / 'not_met' / 'unknown' for stocks and rates read at a point in time, from the scorecard's
-- status, word for word (met: met_already, which includes a floor below or a ceiling above the 2020 level;
-- not_met: to_reach; else unknown), so /targets and the topic tables count the same targets as met;
-- 'not_applicable' for growth rates, flows and rates of a year's flows (R&D ÷ GDP), which a result of this year
-- cannot meet and the scorecard judges by pace or level against 2020.
-- met_already is TRUE / FALSE for met / not_met, else NULL.
CREATE OR REPLACE TABLE results_vs_targets AS
SELECT
    s.series,
    s.measure,
    s.topic,
    s.indicator_zh,
    s.indicator_en,
    s.target_indicator_zh,
    s.target_indicator_en,
    s.unit,
    s.unit_en,
    s.target_price_basis AS price_basis,
    s.stock_flow,
    s.family,
    s.direction,
    s.baseline_id AS result_id,
    s.baseline_year AS result_year,
    s.baseline_period AS result_period,
    s.baseline_value AS result_value,
    s.baseline_decimals AS result_decimals,
    s.baseline_qualifier AS result_qualifier,
    s.baseline_bound AS result_bound,
    s.baseline_quote AS result_quote,
    s.baseline_quote_en AS result_quote_en,
    s.baseline_note AS result_note,
    s.target_id,
    s.target_year,
    s.target_period,
    s.target_value,
    s.target_decimals,
    s.target_qualifier,
    s.target_bound,
    s.target_quote,
    s.target_quote_en,
    s.target_note,
    s.section AS target_section,
    s.csv_line AS target_csv_line,
    s.source_id,
    s.gap,
    s.gap_decimals,
    s.gap_bound,
    s.gap_unit,
    s.gap_unit_en,
    s.gap_unknown_reason,
    s.change_pct AS change_needed_pct,
    s.change_decimals AS change_needed_decimals,
    s.status,
    CASE
        WHEN NOT s.point_in_time THEN 'not_applicable'
        WHEN s.status = 'met_already' THEN 'met'
        WHEN s.status = 'to_reach' THEN 'not_met'
        ELSE 'unknown'
    END AS met_status,
    CASE
        WHEN NOT s.point_in_time THEN NULL
        WHEN s.status = 'met_already' THEN true
        WHEN s.status = 'to_reach' THEN false
    END AS met_already,
    true AS is_derived
FROM target_scorecard AS s
WHERE s.comparability IN ('comparable', 'basis_differs')
ORDER BY s.topic, s.measure, s.series;
