-- derived: figures the report implies but does not state, computed here and never stored in the CSV.
-- Every row has is_derived = true, its formula in words (zh, en), the ids it is computed from, and its type:
-- price_basis (a level grown by a real growth target is at the base year's prices: comparable), stock_flow,
-- period and bound (a figure computed from a lower bound is itself a bound; where the inputs' bounds pull opposite
-- ways no bound can be stated and the figure is left out). Values are rounded to what the inputs support: each
-- input is known to half a unit of its last written digit; the errors add up relatively and the figure keeps the
-- decimals whose unit is at least twice its error (never more than its level's decimals, or 0.1 for a growth
-- rate): 11979 ÷ 67.3 % is 17,800, not 17,799.41. A lower bound is rounded down and an upper bound up.
-- value_decimals says that precision and may be negative: 17,800 万美元 is -2 (to the hundred), so English
-- writes USD 178 m, never USD 178.0 m, a digit the inputs do not support.
-- Kinds of derived figure:
--   implied_target_level  next year's level implied by a growth target on this year's level
--   growth_needed         growth from this year's level needed to reach next year's level target
--   implied_plan          the annual plan implied by a level and its completion rate
--   implied_prior_level   last year's level implied by this year's level and its growth rate (same price basis),
--                         on this year's scope (同口径: growth compares the same set of units), not necessarily the
--                         level published for last year
-- note_zh, note_en: the condition under which each row holds, in words (shown beside every derived row and in its
-- exports): an implied prior-year level is last year's level only on this year's scope (同口径) and at the same
-- price basis; a level grown by a real (or unstated-basis) growth target is a volume at this year's prices, not a
-- nominal forecast; a figure from a bound is itself a bound; a Jan-Nov figure is not a full year's. input_notes:
-- the caveats of its inputs as the data gives them (preliminary customs data, newly counted firms …), so they
-- travel with the figure; one note per input, joined by ' | ' (a note has ';' of its own).
-- Materialised as a table, like results_vs_targets: computed once at load time.
CREATE OR REPLACE TABLE derived AS
WITH
levels AS (
    SELECT * FROM indicators WHERE kind = 'actual' AND measure = 'level'
),
growth AS (
    SELECT * FROM indicators WHERE kind = 'actual' AND measure = 'yoy_growth_pct'
),
growth_targets AS (
    SELECT * FROM indicators WHERE kind = 'target' AND measure = 'yoy_growth_pct'
),
level_targets AS (
    SELECT * FROM indicators WHERE kind = 'target' AND measure = 'level'
),
completion AS (
    SELECT * FROM indicators WHERE kind = 'actual' AND measure = 'completion_pct'
),
implied_target_level AS (
    SELECT
        'implied_target_level__' || l.series AS derived_id,
        'implied_target_level' AS derivation,
        l.series, l.topic, gt.year, l.period, 'level' AS measure,
        product_bound(l.bound, gt.bound) AS bound,
        -- real growth on a nominal level gives next year's volume at this year's prices; a growth target whose
        -- basis is not stated gives a level whose basis is not stated either
        CASE WHEN gt.price_basis IN ('comparable', 'not_stated') THEN gt.price_basis ELSE l.price_basis END
            AS price_basis,
        l.stock_flow,
        l.value * (1 + gt.value / 100) AS raw_value,
        supported_places(
            l.value * (1 + gt.value / 100),
            half_unit_rel(l.value, l.value_decimals, l.bound, l.kind) + half_unit_rel(100 + gt.value, gt.value_decimals, gt.bound, gt.kind),
            l.value_decimals
        ) AS places,
        l.indicator_zh || '(按增速目标推算的' || gt.year || '年水平'
        || CASE
            WHEN gt.price_basis = 'comparable' THEN ',按' || l.year || '年价格'
            WHEN gt.price_basis = 'not_stated' THEN ',增速价格口径未说明'
            ELSE ''
        END || ')' AS indicator_zh,
        l.indicator_en || ' (' || gt.year || ' level implied by the growth target'
        || CASE
            WHEN gt.price_basis = 'comparable' THEN ', at ' || l.year || ' prices'
            WHEN gt.price_basis = 'not_stated' THEN ', price basis of the growth not stated'
            ELSE ''
        END || ')' AS indicator_en,
        l.unit, l.unit_en,
        l.year || '年实绩 × (1 + ' || gt.year || '年增速目标)'
        || CASE
            WHEN gt.price_basis = 'comparable' THEN ';增速为可比价,结果按' || l.year || '年价格计'
            WHEN gt.price_basis = 'not_stated' THEN ';报告未说明增速的价格口径:若为可比价增速,结果按' || l.year || '年价格计,并非名义预测'
            ELSE ''
        END
        AS formula_zh,
        l.year || ' level × (1 + ' || gt.year || ' growth target)'
        || CASE
            WHEN gt.price_basis = 'comparable'
                THEN '; real growth, so at ' || l.year || ' prices, not a nominal forecast'
            WHEN gt.price_basis = 'not_stated'
                THEN '; the report does not state the growth''s price basis: if real (the NBS convention), at '
                || l.year || ' prices, not a nominal forecast'
            ELSE ''
        END AS formula_en,
        [l.id, gt.id] AS input_ids, l.source_id,
        CASE gt.price_basis
            WHEN 'comparable' THEN '条件:增速为可比价(实际)增速,结果是按' || l.year || '年价格计的' || gt.year
                || '年实物量水平,不是名义水平的预测'
            WHEN 'not_stated' THEN '有条件:报告未说明增速的价格口径;仅当增速为现价(名义)增速时才是' || gt.year
                || '年的名义水平;若为可比价增速(统计惯例),则是按' || l.year || '年价格计的水平'
            ELSE '条件:现价增速作用于现价水平,即增速目标实现时的' || gt.year || '年名义水平'
        END AS note_zh,
        CASE gt.price_basis
            WHEN 'comparable' THEN 'condition: the growth is real (comparable prices), so this is the ' || gt.year
                || ' volume at ' || l.year || ' prices, not a forecast of the nominal level'
            WHEN 'not_stated' THEN 'conditional: the report does not state the growth''s price basis; only if it is '
                || 'nominal is this the ' || gt.year || ' nominal level; if real (the NBS convention) it is at '
                || l.year || ' prices'
            ELSE 'condition: nominal growth on a nominal level, so this is the ' || gt.year
                || ' nominal level if the growth target is met'
        END AS note_en
    FROM levels AS l
    INNER JOIN growth_targets AS gt
        ON
            l.series = gt.series AND gt.year = l.year + 1 AND l.period = gt.period AND l.source_id = gt.source_id
            AND (
                l.price_basis = gt.price_basis
                OR (l.price_basis = 'nominal' AND gt.price_basis IN ('comparable', 'not_stated'))
            )
),
growth_needed AS (
    SELECT
        'growth_needed__' || l.series,
        'growth_needed',
        l.series, l.topic, lt.year, lt.period, 'yoy_growth_pct',
        quotient_bound(lt.bound, l.bound),
        l.price_basis, 'flow',
        (lt.value / l.value - 1) * 100,
        supported_places(
            lt.value / l.value * 100,
            half_unit_rel(lt.value, lt.value_decimals, lt.bound, lt.kind) + half_unit_rel(l.value, l.value_decimals, l.bound, l.kind), 1
        ),
        l.indicator_zh || '(实现' || lt.year || '年目标所需增速)',
        l.indicator_en || ' (growth needed to reach the ' || lt.year || ' target)',
        '%', '%',
        '(' || lt.year || '年目标 ÷ ' || l.year || '年实绩 − 1) × 100',
        '(' || lt.year || ' target ÷ ' || l.year || ' level − 1) × 100',
        [l.id, lt.id], l.source_id,
        '条件:两者为同一指标、同一时期、同一价格口径(' || CASE l.price_basis WHEN 'nominal' THEN '现价' ELSE '同一口径' END
        || '),目标实现时的名义增速',
        'condition: the same measure, period and price basis (' || l.price_basis
        || '): the growth at that basis if the target is met'
    FROM levels AS l
    INNER JOIN level_targets AS lt
        ON
            l.series = lt.series AND l.unit = lt.unit AND l.price_basis = lt.price_basis
            AND l.stock_flow = lt.stock_flow AND lt.year = l.year + 1 AND l.source_id = lt.source_id
    WHERE l.value <> 0
),
implied_plan AS (
    SELECT
        'implied_plan__' || l.series,
        'implied_plan',
        l.series, l.topic, l.year, l.period, 'level',
        quotient_bound(l.bound, c.bound),
        l.price_basis, l.stock_flow,
        l.value / (c.value / 100),
        supported_places(
            l.value / (c.value / 100),
            half_unit_rel(l.value, l.value_decimals, l.bound, l.kind) + half_unit_rel(c.value, c.value_decimals, c.bound, c.kind), l.value_decimals
        ),
        l.indicator_zh || '(由完成率推算的' || l.year || '年计划)',
        l.indicator_en || ' (' || l.year || ' plan implied by the completion rate)',
        l.unit, l.unit_en,
        '实绩 ÷ 年度计划完成率',
        'result ÷ completion rate',
        [l.id, c.id], l.source_id,
        '条件:完成率按报告所写的舍入值计算,推算的计划只准确到该精度;报告未直接给出计划数',
        'condition: from the completion rate as the report rounds it, so the plan is only as precise as that; '
        || 'the report does not state the plan itself'
    FROM levels AS l
    INNER JOIN completion AS c
        ON l.series = c.series AND l.year = c.year AND l.source_id = c.source_id
    WHERE c.value <> 0
),
implied_prior_level AS (
    SELECT
        'implied_prior_level__' || l.series || '__' || l.period,
        'implied_prior_level',
        l.series, l.topic, l.year - 1, l.period, 'level',
        quotient_bound(l.bound, g.bound),
        l.price_basis, l.stock_flow,
        l.value / (1 + g.value / 100),
        supported_places(
            l.value / (1 + g.value / 100),
            half_unit_rel(l.value, l.value_decimals, l.bound, l.kind) + half_unit_rel(100 + g.value, g.value_decimals, g.bound, g.kind),
            l.value_decimals
        ),
        l.indicator_zh || '(由增速推算的' || (l.year - 1) || '年同口径水平)',
        l.indicator_en || ' (' || (l.year - 1) || ' level implied by the growth rate, on ' || l.year || '''s scope)',
        l.unit, l.unit_en,
        l.year || '年实绩 ÷ (1 + 同比增速);同比增速按同口径计算,所得为与' || l.year
        || '年同口径(同一统计范围)的上年水平,不一定等于' || (l.year - 1) || '年公布的数',
        l.year || ' level ÷ (1 + growth rate); growth is computed on the same scope (同口径: the same set of units), '
        || 'so this is last year''s level on ' || l.year || '''s scope, not necessarily the figure published for '
        || (l.year - 1),
        [l.id, g.id], l.source_id,
        '有条件:仅当同比增速按同口径(同一统计范围)、同一价格口径计算时成立;所得为与' || l.year
        || '年同口径的上年水平,不一定等于' || (l.year - 1) || '年公布的数(统计范围变化、新纳统企业等会使两者不同)',
        'conditional: holds only if the growth rate is on the same scope (同口径: the same set of units) and the '
        || 'same price basis; it is last year''s level on ' || l.year || '''s scope, not necessarily the figure '
        || 'published for ' || (l.year - 1) || ' (a changed scope or newly counted firms make them differ)'
    FROM levels AS l
    INNER JOIN growth AS g
        ON
            l.series = g.series AND l.year = g.year AND l.period = g.period AND l.source_id = g.source_id
            -- a real growth rate cannot turn a nominal level into last year's nominal level
            AND l.price_basis = g.price_basis
),
computed AS (
    SELECT * FROM implied_target_level
    UNION ALL SELECT * FROM growth_needed
    UNION ALL SELECT * FROM implied_plan
    UNION ALL SELECT * FROM implied_prior_level
)
SELECT
    derived_id, derivation, series, topic, indicator_zh, indicator_en, year, period, measure,
    round_bound(raw_value, places, bound) AS value,
    places AS value_decimals,  -- negative: rounded to tens (-1), hundreds (-2)
    unit, unit_en, price_basis, stock_flow, bound,
    true AS is_derived,
    formula_zh, formula_en, input_ids, source_id,
    -- the condition, then what the bound and the period add
    note_zh
    || CASE bound WHEN 'at_least' THEN ';由下限推算,本身也是下限' WHEN 'at_most' THEN ';由上限推算,本身也是上限'
        ELSE '' END
    || CASE WHEN period = 'jan_nov' AND stock_flow = 'stock' THEN ';11月末余额,不是年末'
        WHEN period = 'jan_nov' THEN ';1-11月,不是全年' ELSE '' END AS note_zh,
    note_en
    || CASE bound WHEN 'at_least' THEN '; computed from a lower bound, so itself a lower bound'
        WHEN 'at_most' THEN '; computed from an upper bound, so itself an upper bound' ELSE '' END
    || CASE WHEN period = 'jan_nov' AND stock_flow = 'stock' THEN '; a balance at the end of November, not year end'
        WHEN period = 'jan_nov' THEN '; January to November, not a full year' ELSE '' END AS note_en,
    (SELECT string_agg(DISTINCT i.note, ' | ' ORDER BY i.note) FROM indicators AS i
     WHERE list_contains(computed.input_ids, i.id) AND i.note IS NOT NULL AND i.note <> '') AS input_notes
FROM computed
-- inputs whose bounds pull opposite ways give no figure that can be stated
WHERE bound IS NOT NULL;
