"""Helpers to drive the real app with Streamlit's AppTest and read back what a user would see and download."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from perf.apptest_driver import Downloads, open_page

__all__ = ["Downloads", "open_page"]  # the same helpers drive the page benchmark

TOPIC_PAGES = ["governance", "frontyard", "standardization", "mynumber", "security", "ai_rpa", "telework"]
ALL_PAGES = ["overview", *TOPIC_PAGES, "digital_divide", "data_sources"]


@pytest.fixture()
def downloads(monkeypatch) -> Downloads:
    """The exact bytes of every download a test's pages offer."""
    return Downloads().install(monkeypatch.setattr)


def shown_tables(app: AppTest) -> list[pd.DataFrame]:
    """The tables under a topic page's charts (st.table), in page order."""
    return [table.value for table in app.table]


def csv_frame(data: bytes, encoding: str = "utf-8-sig") -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding=encoding, keep_default_na=False, na_values=[""])


def filter_pills(app: AppTest, page: str, name: str):
    """A page's filter (years, groups or an item filter), drawn as multi-select pills."""
    return app.pills(key=f"{page}__{name}")


def chart_count(app: AppTest) -> int:
    return len(app.get("plotly_chart"))
