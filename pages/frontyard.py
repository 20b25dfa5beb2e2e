"""フロントヤード改革: a heatmap of the nine initiatives by group (share and count in every cell)."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

render_topic_page(TopicPage(
    page_id="frontyard", topics=("frontyard",),
    panels=(Panel(("frontyard_initiatives",), "heatmap", item_filter="items"),),
    item_sources=(ItemSource("items", breakdown_of="frontyard_initiatives"),),
))
