"""デジタルデバイド対策: 別紙1は見出しのみで数値を掲載していない (別紙1, line 4280)."""
from etl import checks
from etl.steps import TableStep

STEP = TableStep("digital_divide", checks=(
    checks.printed_where_cited,
    checks.no_figures_published,
))
