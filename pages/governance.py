"""推進体制: the three tables of the promotion structure, a trend (or bars for one year) for each chosen table."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

INDICATORS = ("governance_cross_departmental", "governance_dedicated_unit", "governance_overall_policy")

render_topic_page(TopicPage(
    page_id="governance", topics=("governance",),
    panels=tuple(Panel((code,), "trend", indicator_filter="items") for code in INDICATORS),
    item_sources=(ItemSource("items", indicators=INDICATORS),),
))
