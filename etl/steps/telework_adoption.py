"""テレワーク: テレワーク導入自治体の割合, 令和3〜5年度 (別紙1, lines 4203–4218)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/telework_adoption.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("telework_adoption"), reference, checks=(
        checks.printed_where_cited,
        checks.percentages_in_range,
        checks.small_group_shares_are_fractions,
        checks.total_within_subgroup_range,
        checks.total_matches_weighted_subgroups,
    ))
