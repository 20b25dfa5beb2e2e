"""フロントヤード改革: a heatmap of the nine initiatives by group (share and count in every cell); below it, every
government's online application rates (the front yard's online window), the summary rates and each procedure."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

# the Digital Agency table's rows (data/municipal/indicators.csv): the two summary rates, then the 52 procedures of the
# municipalities and the 30 of the prefectures
ONLINE_PROCEDURES = ("dx_muni_online_32", "dx_muni_online_26", *(f"online_rate_muni_{n:02d}" for n in range(1, 53)),
                     "dx_pref_online_32", *(f"online_rate_pref_{n:02d}" for n in range(1, 31)))

render_topic_page(TopicPage(
    page_id="frontyard", topics=("frontyard",),
    panels=(Panel(("frontyard_initiatives",), "heatmap", item_filter="items"),),
    item_sources=(ItemSource("items", breakdown_of="frontyard_initiatives"),),
    distribution=ONLINE_PROCEDURES,
))
