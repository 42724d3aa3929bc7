-- Every value each explorer facet can take, in a stable order, so the URL can be checked against them.
-- No parameters.
SELECT DISTINCT 'topic' AS facet, topic AS value FROM indicators
UNION ALL SELECT DISTINCT 'year', CAST(year AS VARCHAR) FROM indicators
UNION ALL SELECT DISTINCT 'kind', kind FROM indicators
UNION ALL SELECT DISTINCT 'measure', measure FROM indicators
UNION ALL SELECT DISTINCT 'unit', unit FROM indicators
UNION ALL SELECT DISTINCT 'section', section FROM indicators
ORDER BY facet, value;
