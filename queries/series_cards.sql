-- Headline cards: for each series asked for, its main result, its growth that year and the next year's target.
-- $series: series codes, in the order the cards appear.
-- The main result is the series' latest actual, preferring a level, then a count, share, ratio, growth rate.
-- The target prefers the same measure as the main result, else a growth target.
WITH picked AS (
    SELECT
        unnest($series::VARCHAR []) AS series,
        generate_subscripts($series::VARCHAR [], 1) AS pos
),
main AS (
    SELECT
        i.*,
        row_number() OVER (
            PARTITION BY i.series
            ORDER BY
                i.year DESC,
                list_position(['level', 'count', 'share_pct', 'ratio', 'yoy_growth_pct'], i.measure)
        ) AS pick
    FROM indicators AS i
    WHERE
        i.kind = 'actual'
        AND i.measure IN ('level', 'count', 'share_pct', 'ratio', 'yoy_growth_pct')
        AND i.series IN (SELECT p.series FROM picked AS p)
),
target AS (
    SELECT
        m.series,
        t.id, t.year, t.value, t.value_decimals, t.measure, t.unit, t.unit_en, t.qualifier, t.source_quote,
        row_number() OVER (
            PARTITION BY m.series
            ORDER BY (t.measure = m.measure) DESC, (t.measure = 'yoy_growth_pct') DESC
        ) AS pick
    FROM main AS m
    INNER JOIN indicators AS t
        ON t.series = m.series AND t.kind = 'target' AND t.year = m.year + 1
    WHERE m.pick = 1
)
SELECT
    p.pos, m.series, m.id, m.indicator_zh, m.indicator_en, m.year, m.measure, m.value, m.value_decimals,
    m.unit, m.unit_en, m.qualifier, m.direction, m.source_quote,
    g.value AS growth_value,
    g.value_decimals AS growth_decimals,
    g.source_quote AS growth_quote,
    t.id AS target_id,
    t.year AS target_year,
    t.value AS target_value,
    t.value_decimals AS target_decimals,
    t.measure AS target_measure,
    t.unit AS target_unit,
    t.unit_en AS target_unit_en,
    t.qualifier AS target_qualifier,
    t.source_quote AS target_quote
FROM picked AS p
INNER JOIN main AS m ON p.series = m.series AND m.pick = 1
LEFT JOIN indicators AS g
    ON
        g.series = m.series AND g.kind = 'actual' AND g.measure = 'yoy_growth_pct'
        AND g.year = m.year AND g.period = m.period AND m.measure <> 'yoy_growth_pct'
LEFT JOIN target AS t ON t.series = m.series AND t.pick = 1
ORDER BY p.pos;
