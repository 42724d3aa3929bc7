-- The tables and views a visitor can query in the SQL console: each column, its type and what it means.
-- No parameters.
SELECT
    c.table_name,
    coalesce(t.comment, v.comment) AS table_comment,
    c.column_name,
    c.data_type,
    c.comment AS column_comment,
    c.column_index
FROM duckdb_columns() AS c
LEFT JOIN duckdb_tables() AS t ON c.table_name = t.table_name AND c.schema_name = t.schema_name
LEFT JOIN duckdb_views() AS v ON c.table_name = v.view_name AND c.schema_name = v.schema_name
WHERE c.schema_name = 'main' AND NOT c.internal
ORDER BY c.table_name <> 'indicators', c.table_name, c.column_index;
