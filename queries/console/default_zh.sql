-- SQL 查询页的第一条查询(中文访客):外贸指标,先实绩后目标,每个数都带界限(at_least:如“突破”为下限)、时期(jan_nov 为1-11月,
-- year_end 为年末)、价格口径和中文备注 note_zh(报告的提示:海关初步数据、电商新增企业数据贡献;英文原文在 note)。
SELECT indicator_zh AS 指标, qualifier AS 限定词, bound AS 界限, value AS 数值, unit AS 单位, year AS 年份,
    period AS 时期, kind AS 类型, measure AS 度量, price_basis AS 价格口径, note_zh AS 备注
FROM indicators
WHERE topic = 'trade'
ORDER BY year, kind
