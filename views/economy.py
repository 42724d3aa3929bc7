"""The economy page: cards, charts and the table of its topics (see jiangbei.app.topic_page.TOPIC_PAGES)."""

from jiangbei.app import topic_page

topic_page.render("economy")
