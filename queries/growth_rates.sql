-- Year-on-year growth rates reported as results, for the growth chart (declines are negative).
-- $topics: topic codes to include.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
-- growth_of_balance: a Jan–Nov growth of a balance (deposits, loans) is the growth at the end of November.
SELECT
    id, series, topic, indicator_zh, indicator_en, year, period, stock_flow, measure, price_basis, value, value_decimals,
    unit, unit_en, qualifier, bound, source_quote, source_quote_en, note,
    measure = 'yoy_growth_pct' AND period = 'jan_nov'
    AND series IN (SELECT series FROM indicators GROUP BY series HAVING bool_or(stock_flow = 'stock')) AS growth_of_balance
FROM indicators
WHERE kind = 'actual' AND measure = 'yoy_growth_pct' AND list_contains($topics::VARCHAR [], topic)
ORDER BY value
LIMIT $row_limit;
