"""Indicator metadata of the per-government tables (data/municipal/indicators.csv), with its as-of decisions: the rows
of the Digital Agency table by position, then the My Number Card rate, one indicator over every card file."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.governments.outcome import SOURCE_ROOT
from etl.sources import read_reference_csv

INDICATORS = "indicators.csv"


def load_indicators(data_dir: Path) -> pd.DataFrame:
    frame = pd.DataFrame(read_reference_csv(data_dir / SOURCE_ROOT / INDICATORS))
    frame["as_of"] = pd.to_datetime(frame.as_of.replace("", None))
    return frame


def indicator_table(indicators: pd.DataFrame) -> pd.DataFrame:
    return indicators.replace({"": None}).astype({"source_row": "Int64", "sort_order": int})
