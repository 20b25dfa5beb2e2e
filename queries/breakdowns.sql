-- The items of one indicator's breakdown (AI function, RPA field, front-yard initiative, telework band …).
-- $indicator_code
select breakdown_code, label_ja, label_en, channel_ja, channel_en, sort_order
from breakdowns where indicator_code = $indicator_code order by sort_order
