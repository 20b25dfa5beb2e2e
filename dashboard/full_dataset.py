"""The full-dataset downloads of the data page, built once per database version and encoding."""
from __future__ import annotations

import io
from dataclasses import dataclass

import streamlit as st

from dashboard.csv_export import ExportError, dataframe_to_csv_bytes
from dashboard.db import database_bytes, query
from dashboard.i18n import language, t


@dataclass(frozen=True)
class Downloads:
    csv: bytes
    parquet: bytes
    database: bytes
    problem: str | None  # why the chosen encoding could not be used (the CSV is then UTF-8 with BOM)


@st.cache_resource(max_entries=4, show_spinner=False)
def full_dataset_downloads(encoding: str, lang: str, version: tuple) -> Downloads:
    facts = query("all_facts")
    problem = None
    try:
        csv = dataframe_to_csv_bytes(facts, encoding=encoding)
    except ExportError as error:
        problem = f"{t('cp932_failed')} {error.message_ja if language() == 'ja' else error.message_en}"
        csv = dataframe_to_csv_bytes(facts)
    parquet = io.BytesIO()
    facts.to_parquet(parquet, index=False)
    return Downloads(csv, parquet.getvalue(), database_bytes(), problem)
