"""都道府県と地図: Japan by prefecture on a map, or one prefecture's municipalities × initiatives (/prefecture?code=NN)."""
from dashboard.prefecture_view import render_prefecture_page
from dashboard.routing import require_router

require_router()

render_prefecture_page()
