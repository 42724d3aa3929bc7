-- The tables and views a visitor can query, with their columns and types. No parameters.
SELECT table_name, column_name, data_type, ordinal_position
FROM information_schema.columns
WHERE table_schema = 'main'
ORDER BY table_name, ordinal_position;
