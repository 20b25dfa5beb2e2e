"""マイナンバーカード: 人口に対する保有枚数率と枚数, 令和6年度 (別紙1, lines 3943–3964)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("mynumber_held", checks=(
    checks.printed_where_cited,
    checks.percentages_in_range,
    checks.subgroup_counts_sum_to_total,
    checks.implied_populations_agree,
    checks.total_within_subgroup_range,
))
