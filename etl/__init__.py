"""ETL: transcribed 別紙1 tables (data/tables) → reconciled, described DuckDB database (data/dx.duckdb)."""
