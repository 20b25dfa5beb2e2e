"""マイナンバーカード: issuance and holding rates side by side, and the issuance trend when several years are chosen."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

INDICATORS = ("mynumber_issued", "mynumber_held")

render_topic_page(TopicPage(
    page_id="mynumber", topics=("mynumber",),
    panels=(
        Panel(INDICATORS, "side_by_side", indicator_filter="items", export_name="mynumber"),
        Panel(("mynumber_issued",), "trend", indicator_filter="items", min_years=2),
    ),
    item_sources=(ItemSource("items", indicators=INDICATORS),),
    distribution=("mynumber_issued_rate",),
))
