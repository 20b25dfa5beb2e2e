"""デジタル庁 DX table, prefectures: 13 indicators × 47 prefectures, long form."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.governments import wide_table
from etl.governments.exceptions import Exceptions
from etl.governments.outcome import Outcome

FILE = "digital_agency_dashboard/都道府県のDX進捗状況_都道府県比較.csv"


def run(data_dir: Path, governments: pd.DataFrame, indicators: pd.DataFrame, exceptions: Exceptions) -> Outcome:
    """Columns are the pref governments in 団体コード order; rows the indicators declared for this file."""
    return wide_table.run(data_dir, FILE, "都道府県", wide_table.columns_of(governments, "pref"),
                          indicators[indicators.source_file == FILE], exceptions)
