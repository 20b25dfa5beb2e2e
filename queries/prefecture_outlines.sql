-- The outline of every prefecture as GeoJSON geometry text (地球地図日本), for maps drawn without any network.
select prefecture_code, geojson
from prefecture_outlines
order by prefecture_code
