"""フロントヤード改革: 窓口改革の9取組に取り組んでいる市区町村, 令和5年度 (別紙1, lines 3745–3867)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/frontyard_initiatives.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("frontyard_initiatives"), reference, checks=checks.SHARES_WITH_COUNTS)
