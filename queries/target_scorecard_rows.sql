-- The 2021 targets scorecard (table target_scorecard, built at load): every target with its 2020 baseline,
-- status and distance, grouped by topic.
-- $topics: topic codes to include (an empty list: every topic).
-- $statuses: status codes to include (an empty list: every status).
-- $sort: 'report' keeps the report's order within a topic; 'distance' puts the largest distance first
-- within a topic and family (distances of different kinds are never ranked against each other).
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
-- The English translations of both sentences come from the indicators they quote (for English pages).
SELECT s.*, t.source_quote_en AS target_quote_en, b.source_quote_en AS baseline_quote_en
FROM target_scorecard AS s
LEFT JOIN indicators AS t ON t.id = s.target_id
LEFT JOIN indicators AS b ON b.id = s.baseline_id
WHERE
    (len($topics::VARCHAR []) = 0 OR list_contains($topics::VARCHAR [], s.topic))
    AND (len($statuses::VARCHAR []) = 0 OR list_contains($statuses::VARCHAR [], s.status))
ORDER BY
    s.topic,
    CASE WHEN $sort = 'distance' THEN s.family END,
    CASE WHEN $sort = 'distance' THEN s.distance END DESC NULLS LAST,
    s.csv_line
LIMIT $row_limit;
