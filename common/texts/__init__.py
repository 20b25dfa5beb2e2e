"""Every word the dashboard writes itself, in Japanese and English: data only (one module per wing), and one function
to ask for a text.

Labels of data (topics, indicators, groups, years, items, entity types) come from the database, not from here. The UI's
language is the caller's to pass in (dashboard/i18n.py keeps the session's choice).
"""
from __future__ import annotations

from common.texts import benchmark, governments, pages

LANGUAGES = ("ja", "en")

PARTS = (pages, benchmark, governments)


def _merged() -> dict[str, tuple[str, str]]:
    """One catalogue; a key in two parts would make one page's text silently replace another's, so it stops the import."""
    merged: dict[str, tuple[str, str]] = {}
    for part in PARTS:
        twice = sorted(merged.keys() & part.TEXTS.keys())
        if twice:
            raise KeyError(f"text keys defined twice in common/texts: {twice}")
        merged |= part.TEXTS
    return merged


TEXTS = _merged()

def text(key: str, language: str, **fields) -> str:
    """The text `key` in `language` ("ja" or "en"; anything else reads Japanese), its {fields} filled in."""
    ja, en = TEXTS[key]
    return (en if language == "en" else ja).format(**fields)


def pick(ja: str | None, en: str | None, language: str) -> str:
    """A database label in `language`, falling back to Japanese where no English exists."""
    if language == "en" and en:
        return en
    return ja or en or ""
