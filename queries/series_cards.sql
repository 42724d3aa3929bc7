-- Headline cards: for each series asked for, its main result, its growth that year and the next year's target
-- (one row of the series_summary table that queries/derived_tables/series_summary.sql builds at load time).
-- $series: series codes, in the order the cards appear.
-- target_price_basis: the target's price basis, which a growth target states beside its figure.
SELECT p.pos, s.*, t.price_basis AS target_price_basis
FROM (
    SELECT
        unnest($series::VARCHAR []) AS series,
        generate_subscripts($series::VARCHAR [], 1) AS pos
) AS p
INNER JOIN series_summary AS s ON p.series = s.series
LEFT JOIN indicators AS t ON t.id = s.target_id
ORDER BY p.pos;
