-- page_groups: which topic page (economy, investment, trade, livelihood) shows each topic, so the explorer's
-- page facet counts what the topic pages show. $topics, $pages: parallel lists from jiangbei.core.schema.PAGE_TOPICS.
CREATE TABLE page_groups AS
SELECT unnest($topics::VARCHAR []) AS topic, unnest($pages::VARCHAR []) AS page;
COMMENT ON TABLE page_groups IS '专题页面分组 / which topic page shows each topic';
COMMENT ON COLUMN page_groups.topic IS '专题 / topic code (indicators.topic)';
COMMENT ON COLUMN page_groups.page IS '页面 / topic page: economy, investment, trade, livelihood';
