-- Every government with its prefecture's names and today's type: the search box's index, built once per database version.
select g.government_code, g.name_ja, g.name_kana, g.name_en, g.prefecture_code, g.entity_type,
       p.name_ja as prefecture_ja, p.name_en as prefecture_en
from governments g
join governments p on p.government_code = g.prefecture_government_code
order by g.government_code
