-- Facet counts for the explorer, as Datasette shows them: for each facet column, each value and how many
-- indicators have it given every *other* filter, the value range and the text search (so choosing a value never
-- hides the others).
-- $topics, $pages, $years, $kinds, $measures, $units, $sections: the current facet filters (empty list: none).
-- $min_value, $max_value: the current value range (NULL: no bound).
-- $q: the current text search, words that must all occur ('' for none; macros.sql's matches_search).
-- One pass over the indicators: each row yields one (facet, value) pair per facet, kept when the other filters pass.
WITH flags AS (
    SELECT
        topic, page, CAST(year AS VARCHAR) AS year, kind, measure, unit, section,
        (len($topics::VARCHAR []) = 0 OR list_contains($topics::VARCHAR [], topic)) AS ok_topic,
        (len($pages::VARCHAR []) = 0 OR list_contains($pages::VARCHAR [], page)) AS ok_page,
        (len($years::INTEGER []) = 0 OR list_contains($years::INTEGER [], year)) AS ok_year,
        (len($kinds::VARCHAR []) = 0 OR list_contains($kinds::VARCHAR [], kind)) AS ok_kind,
        (len($measures::VARCHAR []) = 0 OR list_contains($measures::VARCHAR [], measure)) AS ok_measure,
        (len($units::VARCHAR []) = 0 OR list_contains($units::VARCHAR [], unit)) AS ok_unit,
        (len($sections::VARCHAR []) = 0 OR list_contains($sections::VARCHAR [], section)) AS ok_section
    FROM indicators
    INNER JOIN page_groups USING (topic)
    WHERE matches_search($q, search_texts(indicator_en, indicator_zh, source_quote, source_quote_en, id, note, year, kind, measure))
        AND ($min_value::DOUBLE IS NULL OR value >= $min_value::DOUBLE)
        AND ($max_value::DOUBLE IS NULL OR value <= $max_value::DOUBLE)
),
pairs AS (
    SELECT
        unnest([
            {'facet': 'page', 'value': page,
             'keep': ok_topic AND ok_year AND ok_kind AND ok_measure AND ok_unit AND ok_section},
            {'facet': 'topic', 'value': topic,
             'keep': ok_page AND ok_year AND ok_kind AND ok_measure AND ok_unit AND ok_section},
            {'facet': 'year', 'value': year,
             'keep': ok_page AND ok_topic AND ok_kind AND ok_measure AND ok_unit AND ok_section},
            {'facet': 'kind', 'value': kind,
             'keep': ok_page AND ok_topic AND ok_year AND ok_measure AND ok_unit AND ok_section},
            {'facet': 'measure', 'value': measure,
             'keep': ok_page AND ok_topic AND ok_year AND ok_kind AND ok_unit AND ok_section},
            {'facet': 'unit', 'value': unit,
             'keep': ok_page AND ok_topic AND ok_year AND ok_kind AND ok_measure AND ok_section},
            {'facet': 'section', 'value': section,
             'keep': ok_page AND ok_topic AND ok_year AND ok_kind AND ok_measure AND ok_unit}
        ], recursive := true)
    FROM flags
)
SELECT facet, value, count(*) AS n
FROM pairs
WHERE keep
GROUP BY facet, value
ORDER BY facet, n DESC, value;
