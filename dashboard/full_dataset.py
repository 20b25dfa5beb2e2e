"""The full-dataset downloads of the data page: the files the ETL exported beside the database (etl/exports.py),
served as they are. They are used only when their manifest names the same build as the database being shown."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from common.texts import text
from dashboard.db import DATABASE, query
from dashboard.i18n import language
from etl.exports import FACTS_CP932_CSV, FACTS_CSV, FACTS_PARQUET, MANIFEST

EXPORTS = Path(os.environ.get("DX_EXPORTS", DATABASE.parent / "build" / "exports"))


@dataclass(frozen=True)
class FullDataset:
    csv: Path | None  # None: no file to offer, and `problem` says why
    parquet: Path | None
    problem: str | None  # shown above the buttons: why a file is missing or which encoding is served instead


def full_dataset(encoding: str) -> FullDataset:
    """The files for `encoding` ("utf-8-sig" or "cp932") of the build the app is showing. Reads the small manifest on
    every run, so a rebuild in progress (database and exports swapped a moment apart) is noticed, not cached."""
    lang = language()
    try:
        manifest = json.loads((EXPORTS / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return FullDataset(None, None, text("full_dataset_missing", lang))
    build = dict(query("build_info").values)
    if (manifest.get("built_at"), manifest.get("sources_sha256")) != (build.get("built_at"), build.get("sources_sha256")):
        return FullDataset(None, None, text("full_dataset_updating", lang))
    csv, problem = EXPORTS / FACTS_CSV, None
    if encoding == "cp932":
        if manifest.get("cp932_problem"):
            problem = f"{text('cp932_failed', lang)} {manifest['cp932_problem'][lang]}"
        else:
            csv = EXPORTS / FACTS_CP932_CSV
    return FullDataset(csv, EXPORTS / FACTS_PARQUET, problem)


def read_file(path: Path):
    """What a download button hands over on click: the file's bytes at that moment."""
    return lambda: path.read_bytes()
