"""テレワーク: adoption by group, and the bands of staff able to telework as 100%-stacked bars."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

render_topic_page(TopicPage(
    page_id="telework", topics=("telework",),
    panels=(
        Panel(("telework_adoption",), "trend"),
        Panel(("telework_staff_share",), "bands", item_filter="items"),
    ),
    item_sources=(ItemSource("items", breakdown_of="telework_staff_share"),),
    distribution=("dx_muni_telework",),
))
