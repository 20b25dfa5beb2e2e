-- Every published cell of one per-government indicator, all governments and dates. status: reported (a number),
-- implemented, not_implemented, not_surveyed, not_reported (a blank cell), not_applicable; as_of NULL where the
-- indicator's date is undetermined (government_indicators.as_of_status says why).
-- $indicator_code
select government_code, as_of, value_printed, value, count, unit, status, source_id
from government_facts
where indicator_code = $indicator_code
order by as_of, government_code
