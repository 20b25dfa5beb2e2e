"""`python -m perf`: measure the ETL, every named query, page reruns and browser sessions; print a table."""
