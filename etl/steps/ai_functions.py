"""AI: 機能別導入件数（8機能）, 令和3〜5年度 (別紙1, lines 4060–4107)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("ai_functions", checks=(
    checks.printed_where_cited,
    checks.cases_are_whole_numbers,
))
