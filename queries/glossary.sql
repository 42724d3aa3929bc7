-- The glossary: every China-specific term of the report with its English rendering and explanations, in the
-- file's order. No parameters.
SELECT term_zh, term_en, explanation_zh, explanation_en
FROM glossary
ORDER BY csv_line;
