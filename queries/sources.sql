-- The source documents (one row each) with the number of indicators taken from each.
-- No parameters.
SELECT s.*, count(i.id) AS indicator_count
FROM sources AS s
LEFT JOIN indicators AS i ON s.source_id = i.source_id
GROUP BY ALL
ORDER BY s.date, s.source_id;
