"""テレワーク: 実施可能な環境にある職員の割合の5区分, 令和3〜5年度 (別紙1, lines 4223–4279)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/telework_staff_share.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("telework_staff_share"), reference, checks=(
        checks.printed_where_cited,
        checks.percentages_in_range,
        checks.band_shares_sum_to_100,
        checks.small_group_shares_are_fractions,
        checks.total_within_subgroup_range,
    ))
