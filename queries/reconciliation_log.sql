-- The reconciliation checks the ETL ran on each table, with the cells each covered.
select l.indicator_code, i.label_ja, i.label_en, l.check_name, l.cells_checked, l.failures
from reconciliation_log l join indicators i using (indicator_code)
order by i.sort_order, l.check_name
