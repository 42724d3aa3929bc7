-- Money amounts (亿元) reported as results, largest first, for the levels charts: flows (a year's or Jan-Nov
-- amount) and stocks (year-end balances) are drawn apart (stock_flow), each bar with its period and bound.
-- $topics: topic codes to include.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT
    id, series, topic, indicator_zh, indicator_en, year, period, stock_flow, price_basis, value, value_decimals,
    unit, unit_en, qualifier, bound, source_quote, source_quote_en, note
FROM indicators
WHERE kind = 'actual' AND measure = 'level' AND unit = '亿元' AND list_contains($topics::VARCHAR [], topic)
ORDER BY value DESC
LIMIT $row_limit;
