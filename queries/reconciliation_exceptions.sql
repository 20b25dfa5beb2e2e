-- Published differences that are real, with their documented reason.
select check_name, indicator_code, fiscal_year, group_code, breakdown_code, expected_difference, reason_ja, reason_en
from reconciliation_exceptions order by indicator_code, fiscal_year
