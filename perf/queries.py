"""Latency of every named query, as the app runs it (bound parameters, result as a DataFrame)."""
from __future__ import annotations

from pathlib import Path

from dashboard.db import open_read_only
from dashboard.queries import named_queries, parameters_of, sql_for
from perf.stats import summary, time_ms

# Representative parameters: the largest selection a page can ask for.
SAMPLE = {
    "indicator_code": "frontyard_initiatives", "topic_code": "governance", "fiscal_year": 2023, "entity_type": "town",
    "group_code": "all", "breakdown_code": None, "fiscal_years": [2020, 2021, 2022, 2023, 2024],
    "group_codes": ["all", "pref", "muni", "ward", "designated", "city", "town_village"], "breakdown_codes": [],
    # per-government queries: 北海道 has the most municipalities (179); 札幌市 one of the longest profiles; the matrix of
    # all 15 rows of the Digital Agency table and the card rate at one date (179 × 16 cells)
    "government_code": "011002", "prefecture_code": "01", "as_of": "2022-12-31",
    "indicator_codes": ["dx_muni_cio", "dx_muni_cio_deputy", "dx_muni_overall_policy", "dx_muni_cross_departmental",
                        "dx_muni_external_talent", "dx_muni_staff_development", "dx_muni_all_staff_training", "dx_muni_ai",
                        "dx_muni_rpa", "dx_muni_telework", "dx_muni_mynumber_held", "dx_muni_online_26", "dx_muni_online_32",
                        "dx_muni_online_32_procedures", "dx_muni_online_32_online", "mynumber_issued_rate"],
}


# The data contract's two per-government doors for outside users (docs/data-contract.md), with their own target: p95
# under 10 ms. The app reads neither (its views share one frame per indicator), so they are timed both as a pandas
# DataFrame, as the app reads every query, and as DuckDB's Arrow table, the form DuckDB 2.0 recommends for handing a
# result to another tool (`connection.sql(...).to_arrow_table()`): the difference is the DataFrame conversion.
CONTRACT_QUERIES = ("government_profile", "prefecture_matrix")


def sample_parameters(name: str, group_codes: list[str] | None = None) -> dict:
    params = {key: SAMPLE[key] for key in parameters_of(name)}
    if group_codes is not None and "group_codes" in params:
        params["group_codes"] = group_codes
    if name == "indicator_series" and group_codes:
        params.update(indicator_code="governance_overall_policy", group_code=group_codes[0])
    return params


def time_queries(database: Path, repeat: int, group_codes: list[str] | None = None) -> list[tuple[str, float, float]]:
    """(query, median ms, p95 ms) for every query file, read as a DataFrame as the app reads it."""
    connection = open_read_only(database)
    try:
        runs = {}
        for name in named_queries():
            sql, params = sql_for(name), sample_parameters(name, group_codes)
            runs[name] = lambda sql=sql, params=params: connection.execute(sql, params).df()
        samples = _in_rounds(runs, repeat)
    finally:
        connection.close()
    return [(name, *summary(timings)) for name, timings in samples.items()]


def time_contract_queries(database: Path, repeat: int) -> list[tuple[str, str, float, float]]:
    """(query, result form, median ms, p95 ms) for each contract query, read as a DataFrame and as an Arrow table."""
    connection = open_read_only(database)
    try:
        runs = {}
        for name in CONTRACT_QUERIES:
            sql, params = sql_for(name), sample_parameters(name)
            runs[(name, "DataFrame")] = lambda sql=sql, params=params: connection.execute(sql, params).df()
            runs[(name, "Arrow")] = lambda sql=sql, params=params: connection.sql(sql, params=params).to_arrow_table()
        samples = _in_rounds(runs, repeat)
    finally:
        connection.close()
    return [(name, form, *summary(timings)) for (name, form), timings in samples.items()]


def _in_rounds(runs: dict, repeat: int) -> dict[object, list[float]]:
    """Each run once to warm the plan and the buffer pool (as a running app has), then `repeat` rounds of each once, so a
    slow spell of the shared machine falls on all of them alike rather than on whichever was running then."""
    for run in runs.values():
        run()
    samples: dict[object, list[float]] = {key: [] for key in runs}
    for _ in range(repeat):
        for key, run in runs.items():
            samples[key] += time_ms(run, 1)
    return samples
