-- Every local government (47 prefectures, 1,741 municipalities) with its names, today's type and population.
select government_code, name_ja, name_kana, name_en, prefecture_code, prefecture_government_code, entity_type,
       population, population_as_of, lat, lng
from governments
order by government_code
