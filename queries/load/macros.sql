-- Shared SQL macros, defined once at load time for the queries that use them. No parameters.
-- matches_search: the explorer's (and the data API's) text search. q is split into words at white space; a row
-- matches when every word occurs (case-insensitive, as a substring) somewhere in its texts, a list of the row's
-- fields in both languages, so "GDP target", "exports 2020" and "出口 2020" find their rows. An empty q matches
-- every row.
CREATE OR REPLACE MACRO search_words(q) AS
    list_filter(string_split(lower(trim(coalesce(q, ''))), ' '), lambda w: w <> '');
CREATE OR REPLACE MACRO matches_search(q, texts) AS
    len(list_filter(search_words(regexp_replace(coalesce(q, ''), '\s+', ' ', 'g')),
                    lambda w: NOT contains(lower(array_to_string(list_filter(texts, lambda x: x IS NOT NULL), ' ')),
                                           w))) = 0;
-- search_texts: the fields of an indicator row the search reads: names, both sentences, id, note, year, and its
-- kind and measure as codes and in words of both languages (target/目标, result/实际, growth/增长).
CREATE OR REPLACE MACRO search_texts(indicator_en, indicator_zh, source_quote, source_quote_en, id, note, year,
                                     kind, measure) AS
    [indicator_en, indicator_zh, source_quote, source_quote_en, id, note, CAST(year AS VARCHAR), kind, measure,
     CASE kind WHEN 'target' THEN '目标 计划 plan' WHEN 'actual' THEN '实际 完成 result' END,
     CASE WHEN measure LIKE '%growth%' THEN '增长 增速' WHEN measure LIKE '%share%' THEN '比重 share rate' END];

-- Bounds of computed figures. flip_bound: the bound of -x, or of 1/x. A figure from two inputs is bounded only when
-- their bounds push it the same way; otherwise no bound can be stated (NULL) and the figure is not shown.
CREATE OR REPLACE MACRO flip_bound(b) AS
    CASE b WHEN 'at_least' THEN 'at_most' WHEN 'at_most' THEN 'at_least' ELSE b END;
-- bound of a × b (both positive) or of a + b
CREATE OR REPLACE MACRO product_bound(a, b) AS
    CASE
        WHEN a = 'exact' THEN b
        WHEN b = 'exact' THEN a
        WHEN a = 'about' OR b = 'about' THEN 'about'
        WHEN a = b THEN a
    END;
-- bound of a ÷ b (both positive) or of a − b
CREATE OR REPLACE MACRO quotient_bound(a, b) AS product_bound(a, flip_bound(b));
-- x rounded to `places` decimals (negative: tens, hundreds …), a lower bound down and an upper bound up, so the
-- rounded figure stays a true bound.
CREATE OR REPLACE MACRO round_bound(x, places, b) AS
    CASE b
        WHEN 'at_least' THEN floor(round(x * pow(10, places), 6)) / pow(10, places)
        WHEN 'at_most' THEN ceil(round(x * pow(10, places), 6)) / pow(10, places)
        ELSE round(x, places)
    END;
-- The one precision rule for every derived figure. half_unit: the error of a value written with `decimals`
-- decimals (half a unit of its last digit); a bound (突破660: at least 660) is exact as a bound, and a target is
-- the number the plan sets, not a measurement (增长9% is 9.0), so neither adds any.
-- half_unit_rel: the same relative to the value. places_for_error: the most decimals whose rounding unit is at least
-- the figure's error, so the last digit shown is the first uncertain one (unit = 10^-places >= err, so
-- places = -ceil(log10(err))), at most max_places (a figure keeps no digit its inputs do not support; counts are
-- exact). supported_places: the same for a relative error of x. The figure is then rounded by round_bound, a lower
-- bound down and an upper bound up; the display writes it with exactly those decimals (jiangbei.presentation.scorecard).
CREATE OR REPLACE MACRO half_unit(decimals, b, k) AS
    CASE WHEN b IN ('at_least', 'at_most') OR k = 'target' THEN 0 ELSE 0.5 * pow(10, -decimals) END;
CREATE OR REPLACE MACRO half_unit_rel(v, decimals, b, k) AS half_unit(decimals, b, k) / abs(v);
CREATE OR REPLACE MACRO places_for_error(err, max_places) AS
    CASE
        WHEN err = 0 THEN max_places
        -- round() first: log10(0.1) is -0.9999999999999998 in floating point
        ELSE least(max_places, -CAST(ceil(round(log10(err), 9)) AS INTEGER))
    END;
CREATE OR REPLACE MACRO supported_places(x, rel_err, max_places) AS
    CASE WHEN x = 0 THEN max_places ELSE places_for_error(abs(x) * rel_err, max_places) END;

-- plan_outcome: a completion rate of the annual plan against 100 %: 'beat' (over), 'met' (exactly the plan), 'missed'
-- (under); a rate written as a bound decides only the side it bounds, else NULL (no outcome claimed). The one rule
-- for every list and chart of plan completion.
CREATE OR REPLACE MACRO plan_outcome(v, b) AS
    CASE
        WHEN v > 100 AND b <> 'at_most' THEN 'beat'
        WHEN v < 100 AND b <> 'at_least' THEN 'missed'
        WHEN v = 100 AND b IN ('exact', 'about') THEN 'met'
        WHEN v >= 100 AND b = 'at_least' THEN 'beat'
    END;
