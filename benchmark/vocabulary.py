"""What a municipality can say about itself: the benchmark items, the types of local government and the telework bands,
all read from the database (data/benchmark_items.csv, data/entity_types.csv, the bands of
data/tables/telework_staff_share.meta.json), and one municipality's entry. Pure Python: callers pass the frames in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from common.formatting import missing
from common.texts import pick, text

KINDS = ("yes_no", "band", "percent")


def bilingual_error(ja: str, en: str) -> ValueError:
    """For programming errors (bad arguments), not for problems in an upload."""
    return ValueError(f"{en} / {ja}")


@dataclass(frozen=True)
class ItemSpec:
    """One benchmarkable indicator as an upload names and answers it (a row of data/benchmark_items.csv)."""

    item_code: str
    kind: str  # "yes_no" | "band" | "percent"
    label_ja: str
    label_en: str
    yes_label_ja: str = ""
    no_label_ja: str = ""
    yes_label_en: str = ""
    no_label_en: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise bilingual_error(f"指標「{self.item_code}」の種類「{self.kind}」は不明です",
                                  f"ItemSpec {self.item_code!r}: unknown kind {self.kind!r}")


@dataclass(frozen=True)
class BenchmarkItem:
    """A row of the benchmark_items table with its indicator and topic."""

    item_code: str
    kind: str
    indicator_code: str
    breakdown_code: str | None
    label_ja: str
    label_en: str
    yes_label_ja: str
    no_label_ja: str
    yes_label_en: str
    no_label_en: str
    topic_code: str
    topic_label_ja: str
    topic_label_en: str
    sort_order: int

    @property
    def spec(self) -> ItemSpec:
        return ItemSpec(self.item_code, self.kind, self.label_ja, self.label_en, self.yes_label_ja, self.no_label_ja,
                        self.yes_label_en, self.no_label_en)

    def label(self, language: str) -> str:
        return pick(self.label_ja, self.label_en, language)

    def topic(self, language: str) -> str:
        return pick(self.topic_label_ja, self.topic_label_en, language)

    def yes(self, language: str) -> str:
        return getattr(self, f"yes_label_{language}", self.yes_label_ja) or text("yes_default", language)

    def no(self, language: str) -> str:
        return getattr(self, f"no_label_{language}", self.no_label_ja) or text("no_default", language)


@dataclass(frozen=True)
class MunicipalityEntry:
    """One municipality's own status; ``answers`` holds only the answered items."""

    municipality_code: str | None
    municipality_name: str
    entity_type: str
    answers: dict[str, bool | str | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    """Everything an upload, the form and the entries' CSV may name: items, types of local government, bands."""

    items: tuple[ItemSpec, ...]
    entity_types: dict[str, tuple[str, str]]  # code → (label_ja, label_en), in display order
    bands: dict[str, tuple[str, str]]  # telework staff share bands: code → (label_ja, label_en), in order


def unknown_government_codes(entries: list[MunicipalityEntry], government_codes: frozenset[str]) -> list[str]:
    """The entries' codes, in order and once each, that pass the check digit but name no government in the list
    (019992). None when the list is empty: a database without it cannot tell."""
    if not government_codes:
        return []
    codes = (entry.municipality_code for entry in entries)
    return list(dict.fromkeys(code for code in codes if code and code not in government_codes))


def text_or_empty(value) -> str:
    return "" if missing(value) else str(value)


def items_from_frame(frame: pd.DataFrame) -> list[BenchmarkItem]:
    """The benchmark_items query as BenchmarkItems, in display order."""
    items = []
    for row in frame.sort_values("sort_order").itertuples(index=False):
        breakdown = text_or_empty(row.breakdown_code) or None
        items.append(BenchmarkItem(
            row.item_code, row.kind, row.indicator_code, breakdown, row.label_ja, row.label_en,
            text_or_empty(row.yes_label_ja), text_or_empty(row.no_label_ja), text_or_empty(row.yes_label_en),
            text_or_empty(row.no_label_en), row.topic_code, row.topic_label_ja, row.topic_label_en, int(row.sort_order)))
    return items


def labels_by_code(frame: pd.DataFrame, code_column: str) -> dict[str, tuple[str, str]]:
    """code → (label_ja, label_en) of a query's rows, in their order."""
    return {getattr(row, code_column): (row.label_ja, row.label_en) for row in frame.itertuples(index=False)}


def vocabulary(items: list[BenchmarkItem], entity_types: pd.DataFrame, bands: pd.DataFrame) -> Vocabulary:
    """From the benchmark_items, benchmark_entity_types and (for the band items' indicator) breakdowns queries."""
    return Vocabulary(tuple(item.spec for item in items), labels_by_code(entity_types, "entity_type"),
                      labels_by_code(bands, "breakdown_code"))
