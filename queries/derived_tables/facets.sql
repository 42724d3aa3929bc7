-- facets: every value each explorer facet can take, computed once at load time (the data never changes
-- afterwards), so checking a shared URL's filters does not scan the indicators.
CREATE OR REPLACE TABLE facets AS
SELECT DISTINCT 'topic' AS facet, topic AS value FROM indicators
UNION ALL SELECT DISTINCT 'year', CAST(year AS VARCHAR) FROM indicators
UNION ALL SELECT DISTINCT 'kind', kind FROM indicators
UNION ALL SELECT DISTINCT 'measure', measure FROM indicators
UNION ALL SELECT DISTINCT 'unit', unit FROM indicators
UNION ALL SELECT DISTINCT 'section', section FROM indicators
UNION ALL SELECT DISTINCT 'page', page FROM page_groups;
