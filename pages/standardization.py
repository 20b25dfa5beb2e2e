"""情報システムの標準化: completed and in-progress shares of the 40 migration tasks, stacked per group."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

render_topic_page(TopicPage(
    page_id="standardization", topics=("standardization",),
    panels=(Panel(("standardization_progress",), "progress", item_filter="items"),),
    item_sources=(ItemSource("items", breakdown_of="standardization_progress"),),
))
