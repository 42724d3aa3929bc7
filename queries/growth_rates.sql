-- Year-on-year growth rates reported as results, for the growth chart (declines are negative).
-- $topics: topic codes to include.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT
    id, series, topic, indicator_zh, indicator_en, year, period, stock_flow, price_basis, value, value_decimals,
    unit, unit_en, qualifier, bound, source_quote, source_quote_en, note
FROM indicators
WHERE kind = 'actual' AND measure = 'yoy_growth_pct' AND list_contains($topics::VARCHAR [], topic)
ORDER BY value
LIMIT $row_limit;
