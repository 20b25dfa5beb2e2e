"""Driving the real app with Streamlit's AppTest, as the page benchmark and the page tests do: open a page through
app.py's router, and keep the bytes of every download it offers."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


class Downloads:
    """What the download buttons served in a test: by the button (its file id) and by file name."""

    def __init__(self) -> None:
        self.by_id: dict[str, bytes] = {}
        self.by_name: dict[str, bytes] = {}
        self.deferred: dict[str, Callable[[], bytes | str]] = {}  # file id → what a click on the button runs
        self.deferred_by_name: dict[str, Callable[[], bytes | str]] = {}  # file name → the same

    def of(self, button) -> bytes:
        """The bytes a click on `button` serves; a deferred button's callable is run, as a click would."""
        if button.proto.deferred_file_id:
            data = self.deferred[button.proto.deferred_file_id]()
            return data.encode("utf-8") if isinstance(data, str) else bytes(data)
        return self.by_id[button.proto.url.rsplit("/", 1)[1].split(".")[0]]

    def named(self, file_name: str) -> bytes:
        """The bytes of the file of that name, served at once or built by a click (which this runs)."""
        if file_name in self.by_name:
            return self.by_name[file_name]
        data = self.deferred_by_name[file_name]()
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def names(self) -> list[str]:
        return [*self.by_name, *self.deferred_by_name]

    def install(self, set_attribute=setattr) -> "Downloads":
        """Record every file AppTest's media store is given, and every deferred download (pass monkeypatch.setattr to undo it
        after a test)."""
        original = MemoryMediaFileStorage.load_and_get_id

        def record(storage, path_or_data, mimetype, kind, filename=None):
            file_id = original(storage, path_or_data, mimetype, kind, filename)
            if isinstance(path_or_data, bytes):
                self.by_id[file_id] = path_or_data
                if filename:
                    self.by_name[filename] = path_or_data
            return file_id

        set_attribute(MemoryMediaFileStorage, "load_and_get_id", record)
        # AppTest's media manager lives for one run only, so keep the callables of deferred downloads to run later
        original_deferred = MediaFileManager.add_deferred

        def record_deferred(manager, data_callable, mimetype=None, coordinates="", file_name=None, **kwargs):
            file_id = original_deferred(manager, data_callable, mimetype, coordinates, file_name, **kwargs)
            self.deferred[file_id] = data_callable
            if file_name:
                self.deferred_by_name[file_name] = data_callable
            return file_id

        set_attribute(MediaFileManager, "add_deferred", record_deferred)
        return self


def open_page(page: str, params: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()  # the first run lands on the URL's page (the overview) and registers the pages
    if page != "overview":
        app.switch_page(f"pages/{page}.py")
        app.run()
    return app
