-- Headline cards: for each series asked for, its main result, its growth that year and the next year's target
-- (one row of the series_summary table that queries/derived_tables/series_summary.sql builds at load time).
-- $series: series codes, in the order the cards appear (pos is the place in that list, from 1).
-- A filter and a sort, without joining the list as a table: half the time of a join on this small table.
SELECT
    list_position($series::VARCHAR [], series) AS pos,
    *
FROM series_summary
WHERE list_contains($series::VARCHAR [], series)
ORDER BY pos;
