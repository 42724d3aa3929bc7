-- The main targets of next year beside this year's results: every result/target pair, the targets of the
-- report's main-targets paragraph (section 二) first. No parameters.
SELECT r.*, t.section AS target_section
FROM results_vs_targets AS r
INNER JOIN indicators AS t ON r.target_id = t.id
ORDER BY t.section <> '二', t.csv_line;
