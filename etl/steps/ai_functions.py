"""AI: 機能別導入件数（8機能）, 令和3〜5年度 (別紙1, lines 4060–4107)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/ai_functions.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("ai_functions"), reference, checks=(
        checks.printed_where_cited,
        checks.cases_are_whole_numbers,
    ))
