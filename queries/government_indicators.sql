-- The per-government indicators: labels, kind (answer | pct | count), level (muni | pref), definition and as-of evidence.
select *
from government_indicators
order by sort_order
