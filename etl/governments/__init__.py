"""Every government (47 prefectures, 1,741 municipalities) and its published values, reconciled with 別紙1.

One module per source table, each with `run(...)` that loads its source, checks it and returns an Outcome (its
frames, the checks it ran, the failures found); `reconciliation` compares their sums with 別紙1. The build calls
`build_government_frames` once and stores the frames it returns (schema in etl/schema.sql, contract in
docs/data-contract.md).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from etl.governments import (digital_agency_municipalities, digital_agency_prefectures, local_governments, mynumber_card,
                             online_rates_municipalities, online_rates_prefectures, outlines, reconciliation, source_files)
from etl.governments.exceptions import Exceptions
from etl.governments.indicators import indicator_table, load_indicators
from etl.reference import Reference
from etl.sources import read_reference_csv

# In the order the foreign keys need (the database sorts the facts by government as it stores them: etl/database.py).
TABLE_ORDER = ["government_sources", "governments", "government_types", "government_groups", "government_indicators",
               "government_facts", "government_exceptions", "government_checks", "prefecture_outlines"]
# The facts and what their stored order and keys need (etl/database.py): complete before the reconciliation runs.
EARLY_TABLES = ["government_sources", "government_indicators", "government_facts"]
FACT_COLUMNS = ["government_code", "indicator_code", "indicator_label_ja", "as_of", "value_printed", "value", "count", "unit",
                "status", "base_count", "base_as_of", "source_id", "source_file", "source_row", "source_column"]


def build_government_frames(data_dir: Path, reference: Reference, store: Callable[[dict[str, pd.DataFrame]], None] | None = None
                            ) -> tuple[dict[str, pd.DataFrame], list[dict], list]:
    """(database tables by name, checks run, failures). Checksums first: a changed source is named before anything else.
    `store`, if given, receives the facts with the tables they refer to (EARLY_TABLES) as soon as they are complete."""
    outcome = source_files.run(data_dir)
    if outcome.failures:
        return {}, outcome.checks, outcome.failures
    entity_groups = {row["entity_type"]: row["containing_groups"].split() for row in read_reference_csv(data_dir / "entity_types.csv")}
    outcome.merge(local_governments.run(data_dir, reference.group_sizes, entity_groups))
    if outcome.failures:
        return {}, outcome.checks, outcome.failures
    governments = outcome.frames["governments"]
    indicators = load_indicators(data_dir)
    exceptions = Exceptions(data_dir)
    outcome.merge(outlines.run(data_dir, governments))
    tables = [module.run(data_dir, governments, indicators, exceptions) for module in (
        digital_agency_municipalities, digital_agency_prefectures, online_rates_municipalities, online_rates_prefectures)]
    cards = mynumber_card.run(data_dir, governments, governments.set_index("government_code").entity_type, exceptions)
    for table in tables + [cards]:
        outcome.checks += table.checks
        outcome.failures += table.failures
    if outcome.failures:
        return {}, outcome.checks, outcome.failures
    dated = indicators.set_index("indicator_code").as_of
    agency = pd.concat([table.frames["facts"] for table in tables], ignore_index=True)
    agency = agency.assign(as_of=agency.indicator_code.map(dated), base_count=pd.Series(pd.NA, index=agency.index, dtype="Int64"),
                           base_as_of=pd.NaT)
    facts = pd.concat([agency[FACT_COLUMNS], cards.frames["facts"][FACT_COLUMNS]], ignore_index=True)
    outcome.frames["government_facts"] = facts
    outcome.frames["government_indicators"] = indicator_table(indicators)
    if store is not None:  # the build's database writer stores them on its own thread while the reconciliation runs
        store({name: outcome.frames[name] for name in EARLY_TABLES})
    outcome.merge(reconciliation.run(data_dir, reference, facts, outcome.frames["government_groups"]))
    population = cards.frames["population"].set_index("government_code")
    outcome.frames["governments"] = governments.assign(population=governments.government_code.map(population.population),
                                                       population_as_of=governments.government_code.map(population.population_as_of))
    outcome.failures += exceptions.unused()
    outcome.frames["government_exceptions"] = exceptions.frame().rename(columns={"check": "check_name"})
    outcome.frames["government_checks"] = pd.DataFrame(outcome.checks)
    return {name: outcome.frames[name] for name in TABLE_ORDER}, outcome.checks, outcome.failures

