"""団体のプロフィール: one government beside its peers; the URL names it (/municipality?code=XXXXXX)."""
from dashboard.profile_view import render_profile_page
from dashboard.routing import require_router

require_router()

render_profile_page()
