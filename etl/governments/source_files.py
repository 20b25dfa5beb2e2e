"""The per-government sources: their provenance (SOURCES.json) and the SHA-256 of every file, verified."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from etl.checks import Failure
from etl.governments.outcome import SOURCE_ROOT, Outcome, where
from etl.sources import SourceError

PROVENANCE = "SOURCES.json"


def load_provenance(data_dir: Path) -> list[dict]:
    path = data_dir / SOURCE_ROOT / PROVENANCE
    try:
        return json.loads(path.read_text(encoding="utf-8"))["sources"]
    except (OSError, json.JSONDecodeError, KeyError) as error:
        raise SourceError(f"{path}: cannot read the provenance of the per-government sources: {error}") from error


def run(data_dir: Path) -> Outcome:
    """Every file listed in SOURCES.json exists and has its recorded SHA-256; the sources table."""
    outcome = Outcome()
    sources = load_provenance(data_dir)
    root = data_dir / SOURCE_ROOT
    failures = []
    files = [(source["source_id"], name, digest) for source in sources for name, digest in source["files"].items()]
    for source_id, name, digest in files:
        path = root / name
        if not path.is_file():
            failures.append(Failure("source_checksums", where(name), f"the file of source {source_id} is missing"))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            failures.append(Failure("source_checksums", where(name),
                                    f"the file has changed: its SHA-256 differs from the one recorded in data/{SOURCE_ROOT}/"
                                    f"{PROVENANCE}. Sources are kept unchanged; restore it, or record the new version "
                                    "with its origin / 出典ファイルが変更されています"))
    outcome.check("source_checksums", PROVENANCE, len(files), failures)
    outcome.frames["government_sources"] = pd.DataFrame([dict(
        source_id=s["source_id"], title_ja=s["title_ja"], title_en=s["title_en"], publisher_ja=s["publisher_ja"],
        publisher_en=s["publisher_en"], attribution_ja=s["attribution_ja"], attribution_en=s["attribution_en"],
        terms_ja=s["terms_ja"], terms_en=s["terms_en"], origin_repository=s["origin"]["repository"],
        origin_commit=s["origin"]["commit"], origin_path=s["origin"]["path"], release_ja=s["release_ja"],
        release_en=s["release_en"], release_date_evidence=s["release_date_evidence"], files=len(s["files"]))
        for s in sources])
    return outcome
