"""セキュリティ: CISOを任命・CSIRTを整備している自治体, 令和2〜5年度 (別紙1, lines 3973–4042)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/security_organisation.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("security_organisation"), reference, checks=(
        checks.printed_where_cited,
        checks.percentages_in_range,
        checks.small_group_shares_are_fractions,
        checks.total_within_subgroup_range,
        checks.total_matches_weighted_subgroups,
    ))
