"""RPA: 分野別導入件数（11分野）, 令和3〜5年度 (別紙1, lines 4126–4194)."""
from etl import checks
from etl.reference import Reference
from etl.table_rows import TableResult, reconcile


def run(reference: Reference) -> TableResult:
    """Load data/tables/rpa_fields.csv with its metadata, reconcile it, and return its rows."""
    return reconcile(reference.table("rpa_fields"), reference, checks=(
        checks.printed_where_cited,
        checks.cases_are_whole_numbers,
    ))
