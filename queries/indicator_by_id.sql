-- One indicator by id, with its source document's title and path.
-- $id: the indicator id.
SELECT i.*, s.title_zh, s.title_en, s.publisher_zh, s.publisher_en, s.date AS source_date, s.path AS source_path
FROM indicators AS i
INNER JOIN sources AS s ON i.source_id = s.source_id
WHERE i.id = $id;
