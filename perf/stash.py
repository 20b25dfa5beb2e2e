"""Elements prepared in memory for the minimal comparison script (perf/minimal_page.py) to draw."""
ELEMENTS: dict = {"figures": [], "tables": [], "downloads": []}
