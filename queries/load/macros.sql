-- Shared SQL macros, defined once at load time for the queries that use them. No parameters.
-- matches_search: the explorer's text search over both names, the source quote, the id and the note
-- (case-insensitive); an empty search matches every row.
CREATE OR REPLACE MACRO matches_search(q, indicator_en, indicator_zh, source_quote, id, note) AS
    q = ''
    OR contains(lower(indicator_en), lower(q))
    OR contains(indicator_zh, q)
    OR contains(source_quote, q)
    OR contains(id, lower(q))
    OR contains(lower(coalesce(note, '')), lower(q));

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
-- Precision a computed figure supports. half_unit_rel: the relative error of a value written with `decimals`
-- decimals (half a unit of its last digit). supported_places: the decimals of x whose rounding unit is at least
-- twice x's error, at most max_places (a figure keeps no digit its inputs do not support; counts are exact).
CREATE OR REPLACE MACRO half_unit_rel(v, decimals) AS 0.5 * pow(10, -decimals) / abs(v);
CREATE OR REPLACE MACRO supported_places(x, rel_err, max_places) AS
    CASE
        WHEN rel_err = 0 OR x = 0 THEN max_places
        ELSE least(max_places, -CAST(floor(log10(2 * abs(x) * rel_err)) AS INTEGER))
    END;
