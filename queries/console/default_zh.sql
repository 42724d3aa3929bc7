-- SQL 查询页的第一条查询(中文访客):外贸指标,先实绩后目标。
SELECT indicator_zh AS 指标, value AS 数值, unit AS 单位, year AS 年份, kind AS 类型
FROM indicators
WHERE topic = 'trade'
ORDER BY year, kind
