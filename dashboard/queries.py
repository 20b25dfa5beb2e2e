"""Named SQL queries, one per file in queries/: the only SQL the app runs. Values are always bound, never formatted in."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
PARAMETER = re.compile(r"\$([a-z_]+)")


class UnknownQuery(KeyError):
    pass


@cache
def named_queries() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(QUERY_DIR.glob("*.sql"))}


def sql_for(name: str) -> str:
    try:
        return named_queries()[name]
    except KeyError:
        raise UnknownQuery(f"no query named {name!r} in {QUERY_DIR}") from None


@cache
def parameters_of(name: str) -> frozenset[str]:
    """The $parameters a query declares, ignoring its comments (read once: every query() call checks them)."""
    code = "\n".join(line.split("--", 1)[0] for line in sql_for(name).splitlines())
    return frozenset(PARAMETER.findall(code))
