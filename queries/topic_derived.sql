-- Derived figures (view derived: computed in SQL, not stated in the report) for some topics.
-- $topics: topic codes to include.
SELECT *
FROM derived
WHERE list_contains($topics::VARCHAR [], topic)
ORDER BY derivation, series;
