"""推進体制: DX推進専任部署を設置している自治体, 令和3〜5年度 (別紙1, lines 3688–3707)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("governance_dedicated_unit", checks=checks.SHARES_WITH_COUNTS)
