-- The glossary terms a topic page uses: those written in the name, unit, qualifier, quote or note of any of its
-- indicators, in the glossary's order.
-- $topics: topic codes on the page.
SELECT g.term_zh, g.term_en, g.explanation_zh, g.explanation_en
FROM glossary AS g
WHERE EXISTS (
    SELECT 1
    FROM indicators AS i
    WHERE
        list_contains($topics::VARCHAR [], i.topic)
        AND (
            contains(i.indicator_zh, g.term_zh) OR contains(i.unit, g.term_zh)
            OR contains(coalesce(i.qualifier, ''), g.term_zh) OR contains(i.source_quote, g.term_zh)
            OR contains(coalesce(i.note, ''), g.term_zh)
        )
)
ORDER BY g.csv_line;
