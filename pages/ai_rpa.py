"""AI・RPA: adoption rates by group, and cases by AI function and RPA field, ranked."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

render_topic_page(TopicPage(
    page_id="ai_rpa", topics=("ai", "rpa"),
    panels=(
        Panel(("ai_adoption",), "trend"),
        Panel(("ai_functions",), "ranked", item_filter="ai_functions"),
        Panel(("rpa_adoption",), "trend"),
        Panel(("rpa_fields",), "ranked", item_filter="rpa_fields"),
    ),
    item_sources=(ItemSource("ai_functions", breakdown_of="ai_functions"), ItemSource("rpa_fields", breakdown_of="rpa_fields")),
    distribution=("dx_muni_ai", "dx_muni_rpa"),
))
