-- Every government with its prefecture's names, its type's labels (today's type), population and office location.
select g.government_code, g.name_ja, g.name_kana, g.name_en, g.prefecture_code, g.prefecture_government_code, g.entity_type,
       t.label_ja as type_label_ja, t.label_en as type_label_en, t.sort_order as type_order,
       p.name_ja as prefecture_ja, p.name_en as prefecture_en,
       g.population, g.population_as_of, g.lat, g.lng
from governments g
join governments p on p.government_code = g.prefecture_government_code
join entity_types t on t.entity_type = g.entity_type
order by g.government_code
