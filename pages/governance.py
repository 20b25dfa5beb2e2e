"""推進体制: the three tables of the promotion structure, a trend (or bars for one year) for each chosen table."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

INDICATORS = ("governance_cross_departmental", "governance_dedicated_unit", "governance_overall_policy")

render_topic_page(TopicPage(
    page_id="governance", topics=("governance",),
    panels=tuple(Panel((code,), "trend", indicator_filter="items") for code in INDICATORS),
    item_sources=(ItemSource("items", indicators=INDICATORS),),
    distribution=("dx_muni_overall_policy", "dx_muni_cross_departmental", "dx_muni_cio", "dx_muni_cio_deputy",
                  "dx_muni_external_talent", "dx_muni_staff_development", "dx_muni_all_staff_training"),
))
