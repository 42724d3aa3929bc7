-- The source documents (one row each) with the number of indicators taken from each.
-- No parameters.
SELECT
    s.*,
    coalesce(c.indicator_count, 0) AS indicator_count
FROM sources AS s
LEFT JOIN (
    SELECT source_id, count(*) AS indicator_count FROM indicators GROUP BY source_id
) AS c ON s.source_id = c.source_id
ORDER BY s.date, s.source_id;
