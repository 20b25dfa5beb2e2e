"""Helpers to drive the real app with Streamlit's AppTest and read back what a user would see and download."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from tests.conftest import ROOT

TOPIC_PAGES = ["governance", "frontyard", "standardization", "mynumber", "security", "ai_rpa", "telework"]
ALL_PAGES = ["overview", *TOPIC_PAGES, "digital_divide", "data_sources"]


class RecordingStorage(MemoryMediaFileStorage):
    """The in-memory store AppTest keeps download files in, remembered so a test can read the bytes served."""

    latest: "RecordingStorage | None" = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        RecordingStorage.latest = self


@pytest.fixture()
def recorded_downloads(monkeypatch):
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)
    return RecordingStorage


def open_page(page: str, params: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()  # the first run lands on the URL's page (the overview) and registers the pages
    if page != "overview":
        app.switch_page(f"pages/{page}.py")
        app.run()
    return app


def downloaded_bytes(button) -> bytes:
    file_id = button.proto.url.rsplit("/", 1)[1].split(".")[0]
    return RecordingStorage.latest.get_file(file_id).content


def shown_tables(app: AppTest) -> list[pd.DataFrame]:
    return [frame.value for frame in app.dataframe]


def csv_frame(data: bytes, encoding: str = "utf-8-sig") -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding=encoding, keep_default_na=False, na_values=[""])


def filter_pills(app: AppTest, page: str, name: str):
    """A page's filter (years, groups or an item filter), drawn as multi-select pills."""
    return app.pills(key=f"{page}__{name}")


def chart_count(app: AppTest) -> int:
    return len(app.get("plotly_chart"))
