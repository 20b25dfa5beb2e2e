"""マイナンバーカード: 人口に対する保有枚数率と枚数, 令和6年度 (別紙1, lines 3943–3964)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/mynumber_held.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("mynumber_held"), reference, checks=(
        checks.printed_where_cited,
        checks.percentages_in_range,
        checks.subgroup_counts_sum_to_total,
        checks.implied_populations_agree,
        checks.total_within_subgroup_range,
    ))
