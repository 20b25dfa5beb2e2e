"""推進体制: DX推進専任部署を設置している自治体, 令和3〜5年度 (別紙1, lines 3688–3707)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/governance_dedicated_unit.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("governance_dedicated_unit"), reference, checks=checks.SHARES_WITH_COUNTS)
