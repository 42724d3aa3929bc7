-- Facet counts for the explorer, as Datasette shows them: for each facet column, each value and how many
-- indicators have it given every *other* filter and the text search (so choosing a value never hides the others).
-- $topics, $years, $kinds, $measures, $units, $sections: the current facet filters (empty list: none).
-- $q: the current text search ('' for none).
WITH searched AS (
    SELECT *
    FROM indicators
    WHERE
        $q = ''
        OR contains(lower(indicator_en), lower($q))
        OR contains(indicator_zh, $q)
        OR contains(source_quote, $q)
        OR contains(id, lower($q))
        OR contains(lower(coalesce(note, '')), lower($q))
),
flags AS (
    SELECT
        *,
        (len($topics::VARCHAR []) = 0 OR list_contains($topics::VARCHAR [], topic)) AS ok_topic,
        (len($years::INTEGER []) = 0 OR list_contains($years::INTEGER [], year)) AS ok_year,
        (len($kinds::VARCHAR []) = 0 OR list_contains($kinds::VARCHAR [], kind)) AS ok_kind,
        (len($measures::VARCHAR []) = 0 OR list_contains($measures::VARCHAR [], measure)) AS ok_measure,
        (len($units::VARCHAR []) = 0 OR list_contains($units::VARCHAR [], unit)) AS ok_unit,
        (len($sections::VARCHAR []) = 0 OR list_contains($sections::VARCHAR [], section)) AS ok_section
    FROM searched
)
SELECT 'topic' AS facet, topic AS value, count(*) AS n FROM flags
WHERE ok_year AND ok_kind AND ok_measure AND ok_unit AND ok_section GROUP BY ALL
UNION ALL
SELECT 'year', CAST(year AS VARCHAR), count(*) FROM flags
WHERE ok_topic AND ok_kind AND ok_measure AND ok_unit AND ok_section GROUP BY ALL
UNION ALL
SELECT 'kind', kind, count(*) FROM flags
WHERE ok_topic AND ok_year AND ok_measure AND ok_unit AND ok_section GROUP BY ALL
UNION ALL
SELECT 'measure', measure, count(*) FROM flags
WHERE ok_topic AND ok_year AND ok_kind AND ok_unit AND ok_section GROUP BY ALL
UNION ALL
SELECT 'unit', unit, count(*) FROM flags
WHERE ok_topic AND ok_year AND ok_kind AND ok_measure AND ok_section GROUP BY ALL
UNION ALL
SELECT 'section', section, count(*) FROM flags
WHERE ok_topic AND ok_year AND ok_kind AND ok_measure AND ok_unit GROUP BY ALL
ORDER BY facet, n DESC, value;
