"""フロントヤード改革: 窓口改革の9取組に取り組んでいる市区町村, 令和5年度 (別紙1, lines 3745–3867)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("frontyard_initiatives", checks=checks.SHARES_WITH_COUNTS)
