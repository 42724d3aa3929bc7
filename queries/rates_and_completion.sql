-- Shares and rates (in %) and plan completion rates reported as results: the shares chart and the completion chart
-- (drawn apart: a share is not a plan completion).
-- $topics: topic codes to include. plan_outcome (completion rates only): beat / met (exactly 100%) / missed, by the
-- one rule of load/macros.sql; beat_plan is plan_outcome = 'beat'.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT
    id, series, topic, indicator_zh, indicator_en, year, period, stock_flow, measure, value, value_decimals, unit,
    unit_en, qualifier, bound, direction, source_quote, source_quote_en,
    CASE WHEN measure = 'completion_pct' THEN plan_outcome(value, bound) END AS plan_outcome,
    CASE WHEN measure = 'completion_pct' THEN coalesce(plan_outcome(value, bound) = 'beat', false) END AS beat_plan
FROM indicators
WHERE
    kind = 'actual'
    AND measure IN ('share_pct', 'completion_pct')
    AND unit = '%'
    AND list_contains($topics::VARCHAR [], topic)
ORDER BY measure, value
LIMIT $row_limit;
