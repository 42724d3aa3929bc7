-- Results beside next year's targets (view results_vs_targets) for some topics.
-- $topics: topic codes to include.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT *
FROM results_vs_targets
WHERE list_contains($topics::VARCHAR [], topic)
ORDER BY topic, measure, series
LIMIT $row_limit;
