-- The per-government sources with the attribution each requires, in Japanese and English.
select source_id, title_ja, title_en, attribution_ja, attribution_en, terms_ja, terms_en
from government_sources
order by source_id
