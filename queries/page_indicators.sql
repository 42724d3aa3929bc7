-- Every indicator of a page's topics, as the page's table shows it, with a link to its sentence.
-- $topics: topic codes on the page. $years: years to keep (empty list: all). $kinds: kinds to keep (empty: all).
-- $lang: language of the link target (zh or en).
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
-- growth_of_balance: a Jan–Nov growth of a balance (deposits, loans) is the growth at the end of November.
SELECT
    id, series, topic, indicator_zh, indicator_en, year, period, kind, measure,
    value, unit, unit_en, price_basis, stock_flow, qualifier, bound, direction, section, source_id, source_quote, note,
    source_quote_en, value_decimals,
    measure = 'yoy_growth_pct' AND period = 'jan_nov'
    AND series IN (SELECT series FROM indicators GROUP BY series HAVING bool_or(stock_flow = 'stock')) AS growth_of_balance,
    'source?id=' || id || '&lang=' || $lang AS source_link
FROM indicators
WHERE
    list_contains($topics::VARCHAR [], topic)
    AND (len($years::INTEGER []) = 0 OR list_contains($years::INTEGER [], year))
    AND (len($kinds::VARCHAR []) = 0 OR list_contains($kinds::VARCHAR [], kind))
ORDER BY year, kind, csv_line
LIMIT $row_limit;
