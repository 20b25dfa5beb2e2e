"""デジタルデバイド対策: 別紙1は見出しのみで数値を掲載していない (別紙1, line 4280)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/digital_divide.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("digital_divide"), reference, checks=(
        checks.printed_where_cited,
        checks.no_figures_published,
    ))
