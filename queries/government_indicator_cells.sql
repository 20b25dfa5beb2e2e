-- Every published cell of one per-government indicator, all governments and dates.
-- $indicator_code
select government_code, as_of, value_printed, value, count, unit, source_id
from government_facts
where indicator_code = $indicator_code
order by as_of, government_code
