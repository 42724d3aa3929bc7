-- The main targets of next year beside this year's results: every result/target pair, the targets of the
-- report's main-targets paragraph (section 二) first.
-- $row_limit: the most rows returned (jiangbei.core.store.ROW_LIMIT unless given).
SELECT *
FROM results_vs_targets
ORDER BY target_section <> '二', target_csv_line
LIMIT $row_limit;
