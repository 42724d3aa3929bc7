-- series_summary: per series, what a headline card shows: its main result, its growth that year and the next
-- year's target. Computed once at load time (the data never changes afterwards); queries/series_cards.sql reads it.
-- The main result is the series' latest actual, preferring a level, then a count, share, ratio, growth rate.
-- The target prefers the same measure as the main result, else a growth target.
-- plan_outcome: how the main result did against its annual plan, by the one rule of every plan list (the macro
-- plan_outcome over the completion rate, load/macros.sql), or the report's words where it gives no rate
-- (plan_verdict: GDP 难以完成年度目标); plan_completion_pct the rate itself (FDI 67.3%), so a card says it.
CREATE OR REPLACE TABLE series_summary AS
WITH candidates AS (
    SELECT * FROM indicators
),
main AS (
    -- arg_min picks, per series, the id with the smallest key: latest year first, then the preferred measure
    SELECT
        series,
        arg_min(
            id, [-year, list_position(['level', 'count', 'share_pct', 'ratio', 'yoy_growth_pct'], measure)]
        ) AS id
    FROM candidates
    WHERE kind = 'actual' AND measure IN ('level', 'count', 'share_pct', 'ratio', 'yoy_growth_pct')
    GROUP BY series
),
main_rows AS (
    SELECT c.* FROM candidates AS c INNER JOIN main AS m ON c.id = m.id
),
target AS (
    SELECT
        m.series,
        arg_min(t.id, [(t.measure <> m.measure)::INTEGER, (t.measure <> 'yoy_growth_pct')::INTEGER]) AS id
    FROM main_rows AS m
    INNER JOIN candidates AS t ON t.series = m.series AND t.kind = 'target' AND t.year = m.year + 1
    GROUP BY m.series
)
SELECT
    m.series, m.id, m.indicator_zh, m.indicator_en, m.year, m.measure, m.value, m.value_decimals,
    m.unit, m.unit_en, m.qualifier, m.bound, m.period, m.stock_flow, m.price_basis, m.direction, m.source_quote,
    m.source_quote_en,
    m.note,
    m.plan_verdict,
    coalesce(nullif(m.plan_verdict, ''), plan_outcome(pc.value, pc.bound)) AS plan_outcome,
    pc.value AS plan_completion_pct,
    pc.value_decimals AS plan_completion_decimals,
    g.value AS growth_value,
    g.value_decimals AS growth_decimals,
    g.price_basis AS growth_price_basis,
    g.source_quote AS growth_quote,
    t.id AS target_id,
    t.year AS target_year,
    t.value AS target_value,
    t.value_decimals AS target_decimals,
    t.measure AS target_measure,
    t.unit AS target_unit,
    t.unit_en AS target_unit_en,
    t.qualifier AS target_qualifier,
    t.bound AS target_bound,
    t.period AS target_period,
    t.source_quote AS target_quote,
    t.source_quote_en AS target_quote_en
FROM main_rows AS m
LEFT JOIN candidates AS g
    ON
        g.series = m.series AND g.kind = 'actual' AND g.measure = 'yoy_growth_pct'
        AND g.year = m.year AND g.period = m.period AND m.measure <> 'yoy_growth_pct'
LEFT JOIN candidates AS pc
    ON
        pc.series = m.series AND pc.kind = 'actual' AND pc.measure = 'completion_pct'
        AND pc.year = m.year AND pc.period = m.period
LEFT JOIN target AS tp ON tp.series = m.series
LEFT JOIN candidates AS t ON t.id = tp.id;
