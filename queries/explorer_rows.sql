-- The explorer's rows: every indicator matching all the facet filters, the value range and the text search.
-- Each list parameter filters one column; an empty list means no filter on that column.
-- $topics, $years, $kinds, $measures, $units, $sections: facet values to keep.
-- $pages: topic pages to keep (economy, investment, trade, livelihood; see the page_groups table).
-- $min_value, $max_value: the range of value to keep (NULL: no bound).
-- $q: words searched (case-insensitive; every word must occur) in both languages' names and sentences, the id,
-- the note, the year, the kind and the measure (macros.sql's matches_search); '' for all.
-- $lang: language of the link to the source page (zh or en); the link is relative, for a path prefix.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
-- growth_of_balance: a Jan–Nov growth of a balance (deposits, loans) is the growth at the end of November.
SELECT
    id, series, topic, indicator_zh, indicator_en, year, period, kind, measure,
    value, unit, unit_en, price_basis, stock_flow, qualifier, bound, direction, section, source_id, source_quote, note,
    source_quote_en, plan_verdict, value_decimals, csv_line,
    measure = 'yoy_growth_pct' AND period = 'jan_nov'
    AND series IN (SELECT series FROM indicators GROUP BY series HAVING bool_or(stock_flow = 'stock')) AS growth_of_balance,
    'source?id=' || id || '&lang=' || $lang AS source_link
FROM indicators
INNER JOIN page_groups USING (topic)
WHERE
    (len($topics::VARCHAR []) = 0 OR list_contains($topics::VARCHAR [], topic))
    AND (len($pages::VARCHAR []) = 0 OR list_contains($pages::VARCHAR [], page))
    AND (len($years::INTEGER []) = 0 OR list_contains($years::INTEGER [], year))
    AND (len($kinds::VARCHAR []) = 0 OR list_contains($kinds::VARCHAR [], kind))
    AND (len($measures::VARCHAR []) = 0 OR list_contains($measures::VARCHAR [], measure))
    AND (len($units::VARCHAR []) = 0 OR list_contains($units::VARCHAR [], unit))
    AND (len($sections::VARCHAR []) = 0 OR list_contains($sections::VARCHAR [], section))
    AND ($min_value::DOUBLE IS NULL OR value >= $min_value::DOUBLE)
    AND ($max_value::DOUBLE IS NULL OR value <= $max_value::DOUBLE)
    AND matches_search($q, search_texts(indicator_en, indicator_zh, source_quote, source_quote_en, id, note, year, kind, measure))
ORDER BY csv_line
LIMIT $row_limit;
