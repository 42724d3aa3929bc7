-- The SQL console's first query for an English-speaking visitor: the trade figures, results then targets.
SELECT indicator_en, value, unit_en, year, kind
FROM indicators
WHERE topic = 'trade'
ORDER BY year, kind
