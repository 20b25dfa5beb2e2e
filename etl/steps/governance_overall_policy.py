"""推進体制: DXを推進するための全体方針を策定している自治体, 令和3〜5年度 (別紙1, lines 3662–3681)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("governance_overall_policy", checks=checks.SHARES_WITH_COUNTS)
