-- Load the curated CSVs into tables, with explicit column types (nothing is sniffed).
-- $indicators_path, $sources_path, $glossary_path: the CSV files.
-- $indicator_columns, $source_columns, $glossary_columns: name -> DuckDB type.
-- $notes_en, $notes_zh: each note as indicators.csv writes it (English) and its Chinese, from the zh notes catalog
-- (jiangbei/locales/zh/LC_MESSAGES/notes.po); note_zh is that Chinese, or the note as written where the catalog
-- lacks it (its caveat matters more than its language, as on the pages: presentation.i18n.note_text).
-- value is read as text and cast here, so value_decimals can keep the precision the report wrote: the decimals of
-- its digits (7.0 stays 7.0 on screen, 660 is 66.0 CNY bn); a figure the quote writes only in words (千亿元 as 1000,
-- 十强 as 10: no Arabic number of the quote is the value) has no written decimals, and its written precision is
-- its numeral's last place, so minus its trailing zeros (千亿元: -3, shown as CNY 100 bn, not 100.0).
-- csv_line keeps the CSV's order (line 2 is the first data row).
-- Rows are stored by topic, kind, measure and year, the columns the pages filter on, so DuckDB's per-block
-- min/max (zone maps) skip most of a large table; ORDER BY csv_line gives the report's order back.
CREATE TABLE indicators AS
SELECT
    * REPLACE (CAST(value AS DOUBLE) AS value),
    CASE WHEN note IS NOT NULL THEN coalesce(MAP($notes_en, $notes_zh)[note], note) END AS note_zh,
    CAST(CASE
        WHEN list_contains(regexp_extract_all(source_quote, '\d+(?:\.\d+)?'), ltrim(value, '-'))
            OR ltrim(value, '-') = '0' THEN length(split_part(value, '.', 2))
        ELSE -(length(value) - length(rtrim(value, '0')))
    END AS INTEGER) AS value_decimals,
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
