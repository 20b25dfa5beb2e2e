"""マイナンバーカード: 人口に対する累計交付枚数率と枚数, 令和3〜6年度 (別紙1, lines 3917–3941)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/mynumber_issued.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("mynumber_issued"), reference, checks=(
        checks.printed_where_cited,
        checks.percentages_in_range,
        checks.subgroup_counts_sum_to_total,
        checks.implied_populations_agree,
        checks.total_within_subgroup_range,
    ))
