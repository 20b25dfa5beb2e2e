"""Transcription notes are written for the dashboard's reader: evidence from the source, never the wording of the
brief the transcription was made under."""
from __future__ import annotations

import json

from tests.conftest import DATA

BRIEF_WORDING = ("本課題", "文例", "課題文", "the brief", "the task")


def test_transcription_notes_cite_the_source_not_an_internal_brief():
    notes = [(path.name, note[lang]) for path in sorted((DATA / "tables").glob("*.meta.json"))
             for note in json.loads(path.read_text(encoding="utf-8"))["transcription_notes"] for lang in ("ja", "en")]
    assert len(notes) > 20
    internal = [(name, text[:60]) for name, text in notes if any(word in text for word in BRIEF_WORDING)]
    assert internal == []
