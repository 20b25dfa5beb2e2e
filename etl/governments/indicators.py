"""Indicator metadata of the per-government tables (data/municipal/indicators.csv), with its as-of decisions."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.governments.mynumber_card import INDICATOR, SOURCE_ID
from etl.governments.outcome import SOURCE_ROOT
from etl.sources import read_reference_csv

INDICATORS = "indicators.csv"
MYNUMBER = dict(indicator_code=INDICATOR, source_id=SOURCE_ID, source_file="mynumber_card/*/all_localgovs.csv, all_prefectures.csv",
                source_row=None, level="all", category_ja="マイナンバーカード交付状況", category_en="My Number Card issuance",
                label_ja="人口に対する交付枚数率",
                label_en="My Number Card issuance rate (cards issued per population)", concept_code="mynumber_issued", kind="pct",
                unit="pct", definition_ja="交付枚数（count）÷ 総数（人口）（base_count、人口算出基準日 base_as_of の住民基本台帳人口）× 100。"
                "都道府県の行はその区域の市区町村の合計（団体としての都道府県ではない）。交付（累計）であり保有ではない。",
                survey_ja="総務省「マイナンバーカード交付状況について」（Code for Japan による抽出）",
                as_of=None, as_of_status="per_row", as_of_evidence_ja="各行の算出基準日（ファイルのフォルダ名と一致することを確認）。",
                notes_ja="2021年8月以降、三宅村・八丈町の団体コードが<NA>と印字されている：data/municipal/code_corrections.csv で補う。")


def load_indicators(data_dir: Path) -> pd.DataFrame:
    frame = pd.DataFrame(read_reference_csv(data_dir / SOURCE_ROOT / INDICATORS))
    frame["as_of"] = pd.to_datetime(frame.as_of.replace("", None))
    return frame


def indicator_table(indicators: pd.DataFrame) -> pd.DataFrame:
    frame = pd.concat([indicators, pd.DataFrame([MYNUMBER | dict(sort_order=len(indicators) + 1)])], ignore_index=True)
    return frame.astype({"source_row": "Int64", "sort_order": int}).replace({"": None})
