"""推進体制: DXを推進するための全体方針を策定している自治体, 令和3〜5年度 (別紙1, lines 3662–3681)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/governance_overall_policy.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("governance_overall_policy"), reference, checks=checks.SHARES_WITH_COUNTS)
