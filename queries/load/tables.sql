-- Load the curated CSVs into tables, with explicit column types (nothing is sniffed).
-- $indicators_path, $sources_path, $glossary_path: the CSV files.
-- $indicator_columns, $source_columns, $glossary_columns: name -> DuckDB type.
-- value is read as text and cast here, so value_decimals can keep how many decimals the report wrote
-- (7.0 stays 7.0 on screen). csv_line keeps the CSV's order (line 2 is the first data row).
-- Rows are stored by topic, kind, measure and year, the columns the pages filter on, so DuckDB's per-block
-- min/max (zone maps) skip most of a large table; ORDER BY csv_line gives the report's order back.
CREATE TABLE indicators AS
SELECT
    * REPLACE (CAST(value AS DOUBLE) AS value),
    CAST(length(split_part(value, '.', 2)) AS INTEGER) AS value_decimals,
    CAST(row_number() OVER () + 1 AS INTEGER) AS csv_line
FROM read_csv(
    $indicators_path,
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = $indicator_columns
)
ORDER BY topic, kind, measure, year, csv_line;

CREATE TABLE sources AS
SELECT *
FROM read_csv(
    $sources_path,
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = $source_columns
);

-- glossary: the China-specific terms of the report; csv_line keeps the file's order.
CREATE TABLE glossary AS
SELECT
    *,
    CAST(row_number() OVER () + 1 AS INTEGER) AS csv_line
FROM read_csv(
    $glossary_path,
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = $glossary_columns
);
