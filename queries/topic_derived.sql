-- Derived figures (view derived: computed in SQL, not stated in the report) for some topics.
-- $topics: topic codes to include.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT *
FROM derived
WHERE list_contains($topics::VARCHAR [], topic)
ORDER BY derivation, series
LIMIT $row_limit;
