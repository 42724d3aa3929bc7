-- Load the curated CSVs into tables, with explicit column types (nothing is sniffed).
-- $indicators_path, $sources_path: the CSV files. $indicator_columns, $source_columns: name -> DuckDB type.
-- csv_line keeps the CSV's own order (line 2 is the first data row) so tables list facts as the report does.
CREATE TABLE indicators AS
SELECT
    *,
    CAST(row_number() OVER () + 1 AS INTEGER) AS csv_line
FROM read_csv(
    $indicators_path,
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = $indicator_columns
);

CREATE TABLE sources AS
SELECT *
FROM read_csv(
    $sources_path,
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = $source_columns
);
