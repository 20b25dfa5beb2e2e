"""セキュリティ: CISOを任命・CSIRTを整備している自治体, 令和2〜5年度 (別紙1, lines 3973–4042)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("security_organisation", checks=(
    checks.printed_where_cited,
    checks.percentages_in_range,
    checks.small_group_shares_are_fractions,
    checks.total_within_subgroup_range,
    checks.total_matches_weighted_subgroups,
))
