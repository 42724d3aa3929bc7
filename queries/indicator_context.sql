-- What the explorer shows for one selected indicator: its pairings (the result or target of the same series and
-- measure) and the derived figures computed from it, each with its qualifier and bound; a derived figure with its
-- formula and the condition it holds under (note_zh, note_en).
-- $id: the indicator id.
SELECT
    'pair' AS relation,
    CASE WHEN r.result_id = $id THEN r.target_id ELSE r.result_id END AS other_id,
    NULL AS derived_id,
    r.indicator_zh, r.indicator_en,
    CASE WHEN r.result_id = $id THEN r.target_value ELSE r.result_value END AS value,
    CASE WHEN r.result_id = $id THEN r.target_year ELSE r.result_year END AS year,
    r.unit, r.unit_en, NULL AS formula_zh, NULL AS formula_en,
    CASE WHEN r.result_id = $id THEN r.target_qualifier ELSE r.result_qualifier END AS qualifier,
    CASE WHEN r.result_id = $id THEN r.target_bound ELSE r.result_bound END AS bound,
    NULL AS note_zh, NULL AS note_en
FROM results_vs_targets AS r
WHERE r.result_id = $id OR r.target_id = $id
UNION ALL
SELECT
    'derived', NULL, d.derived_id, d.indicator_zh, d.indicator_en, d.value, d.year, d.unit, d.unit_en,
    d.formula_zh, d.formula_en, NULL, d.bound, d.note_zh, d.note_en
FROM derived AS d
WHERE list_contains(d.input_ids, $id)
ORDER BY relation DESC, year;
