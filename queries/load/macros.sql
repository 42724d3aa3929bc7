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
