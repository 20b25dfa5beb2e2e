"""標準化: 標準準拠システムへの移行作業の完了率・作業中率, 令和6年度 (別紙1, lines 3874–3912)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/standardization_progress.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("standardization_progress"), reference, checks=(
        checks.printed_where_cited,
        checks.percentages_in_range,
        checks.total_within_subgroup_range,
        checks.total_matches_weighted_subgroups,
    ))
