-- The 2021 targets scorecard (table target_scorecard, built at load): every target with its 2020 baseline,
-- status and distance, grouped by topic.
-- $topics: topic codes to include (an empty list: every topic).
-- $statuses: status codes to include (an empty list: every status).
-- $sort: 'report' keeps the report's order within a topic; 'distance' puts the largest distance first
-- within a topic and family (distances of different kinds are never ranked against each other).
-- $row_limit: the most rows returned (db.ROW_LIMIT unless given).
SELECT *
FROM target_scorecard
WHERE
    (len($topics::VARCHAR []) = 0 OR list_contains($topics::VARCHAR [], topic))
    AND (len($statuses::VARCHAR []) = 0 OR list_contains($statuses::VARCHAR [], status))
ORDER BY
    topic,
    CASE WHEN $sort = 'distance' THEN family END,
    CASE WHEN $sort = 'distance' THEN distance END DESC NULLS LAST,
    csv_line
LIMIT $row_limit;
