"""推進体制: 全庁的・横断的な推進体制を構築している自治体, 令和3〜5年度 (別紙1, lines 3714–3733)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("governance_cross_departmental", checks=checks.SHARES_WITH_COUNTS)
