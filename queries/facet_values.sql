-- Every value each explorer facet can take, in a stable order, so the URL can be checked against them.
-- No parameters. Reads the facets table that queries/derived_tables/facets.sql builds at load time.
SELECT facet, value FROM facets ORDER BY facet, value;
