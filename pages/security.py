"""セキュリティ: CISO and CSIRT, one panel each on the same scale; 「－」 years are shown as not published."""
from dashboard.routing import require_router
from dashboard.topic_page import ItemSource, Panel, TopicPage, render_topic_page

require_router()

render_topic_page(TopicPage(
    page_id="security", topics=("security",),
    panels=(Panel(("security_organisation",), "small_multiples", item_filter="items"),),
    item_sources=(ItemSource("items", breakdown_of="security_organisation"),),
))
