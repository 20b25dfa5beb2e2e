"""AI: AI導入自治体の割合, 令和3〜5年度 (別紙1, lines 4047–4065)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/ai_adoption.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("ai_adoption"), reference, checks=(
        checks.printed_where_cited,
        checks.percentages_in_range,
        checks.small_group_shares_are_fractions,
    ))
