"""Elements recorded in memory for the minimal script (perf/minimal_page.py) to draw."""
ELEMENTS: dict = {"main": [], "sidebar": [], "sections": (1,)}
