"""自団体の位置（ベンチマーク）: a municipality's own status against its peer group, one or many municipalities at once."""
from dashboard.benchmark_view import render_benchmark_page
from dashboard.routing import require_router

require_router()

render_benchmark_page()
