"""RPA: 分野別導入件数（11分野）, 令和3〜5年度 (別紙1, lines 4126–4194)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("rpa_fields", checks=(
    checks.printed_where_cited,
    checks.cases_are_whole_numbers,
))
