-- The SQL console's first query for an English-speaking visitor: the trade figures, results then targets, each
-- with its bound (at_least: a floor such as 突破), period (jan_nov, year_end), price basis and note (the report's
-- caveats: preliminary customs data, growth partly from newly counted e-commerce firms).
SELECT indicator_en, qualifier, bound, value, unit_en, year, period, kind, measure, price_basis, note
FROM indicators
WHERE topic = 'trade'
ORDER BY year, kind
