"""AI: AI導入自治体の割合, 令和3〜5年度 (別紙1, lines 4047–4065)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("ai_adoption", checks=(
    checks.printed_where_cited,
    checks.percentages_in_range,
    checks.small_group_shares_are_fractions,
))
