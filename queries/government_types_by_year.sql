-- The type of every government in every fiscal year (中核市 and 指定都市 change over time).
select government_code, fiscal_year, entity_type
from government_types
order by fiscal_year, government_code
