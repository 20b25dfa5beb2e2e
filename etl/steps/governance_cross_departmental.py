"""推進体制: 全庁的・横断的な推進体制を構築している自治体, 令和3〜5年度 (別紙1, lines 3714–3733)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/governance_cross_departmental.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("governance_cross_departmental"), reference, checks=checks.SHARES_WITH_COUNTS)
