-- How many rows one table of the SQL console holds, for its schema panel.
-- $table: the table's name (one of those schema_columns lists).
SELECT count(*) AS n FROM query_table($table);
