"""Filter state ⇄ URL query parameters. Pure functions: anything a URL holds is validated against fixed options."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

MAX_PARAMETER_LENGTH = 400  # longer values are hostile or broken; refuse them whole
SEPARATOR = ","


@dataclass(frozen=True)
class ItemFilter:
    """A topic's own breakdown filter (AI function, telework band …), named as it appears in the URL."""

    name: str
    allowed: tuple[str, ...]
    default: tuple[str, ...]


@dataclass(frozen=True)
class FilterOptions:
    """What a page can show: the allowed values of each filter, in display order, and the defaults."""

    fiscal_years: tuple[int, ...]
    groups: tuple[str, ...]
    default_fiscal_years: tuple[int, ...]
    default_groups: tuple[str, ...]
    item_filters: tuple[ItemFilter, ...] = ()


@dataclass(frozen=True)
class Selection:
    fiscal_years: tuple[int, ...]
    groups: tuple[str, ...]
    items: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (filter name, chosen codes) pairs

    def items_for(self, name: str) -> tuple[str, ...]:
        return dict(self.items).get(name, ())


@dataclass(frozen=True)
class Notice:
    """Why a URL value was not used. Never repeats the raw value: it is untrusted text."""

    parameter: str
    partial: bool


@dataclass
class Parsed:
    selection: Selection
    notices: list[Notice] = field(default_factory=list)


def parameter_names(options: FilterOptions) -> tuple[str, ...]:
    return ("years", "groups", *(item.name for item in options.item_filters))


def default_selection(options: FilterOptions) -> Selection:
    return Selection(options.default_fiscal_years, options.default_groups,
                     tuple((item.name, item.default) for item in options.item_filters))


def parse_selection(params: Mapping[str, str], options: FilterOptions) -> Parsed:
    """Read years, groups and item filters from URL parameters. Unknown values are dropped; nothing usable means the default."""
    default = default_selection(options)
    notices: list[Notice] = []
    years = _parse_list(params.get("years"), [str(y) for y in options.fiscal_years], "years", notices)
    groups = _parse_list(params.get("groups"), list(options.groups), "groups", notices)
    items = []
    for item in options.item_filters:
        chosen = _parse_list(params.get(item.name), list(item.allowed), item.name, notices)
        items.append((item.name, tuple(chosen) if chosen is not None else item.default))
    return Parsed(Selection(
        fiscal_years=tuple(int(y) for y in years) if years is not None else default.fiscal_years,
        groups=tuple(groups) if groups is not None else default.groups,
        items=tuple(items),
    ), notices)


def _parse_list(raw: str | None, allowed: Sequence[str], name: str, notices: list[Notice]) -> list[str] | None:
    """The allowed values named in `raw`, in display order, or None when the default should be used."""
    if raw is None:
        return None
    if not isinstance(raw, str) or len(raw) > MAX_PARAMETER_LENGTH:
        notices.append(Notice(name, partial=False))
        return None
    wanted = [part.strip() for part in raw.split(SEPARATOR) if part.strip()]
    if not raw.strip():
        return []  # an explicit empty selection: the page asks the reader to choose
    chosen = [value for value in allowed if value in wanted]
    if not chosen:
        notices.append(Notice(name, partial=False))
        return None
    if len(set(wanted)) != len(chosen):
        notices.append(Notice(name, partial=True))
    return chosen


def selection_to_params(selection: Selection, options: FilterOptions) -> dict[str, str]:
    params = {"years": SEPARATOR.join(str(y) for y in selection.fiscal_years), "groups": SEPARATOR.join(selection.groups)}
    for item in options.item_filters:
        params[item.name] = SEPARATOR.join(selection.items_for(item.name))
    return params


def parse_language(raw: str | None) -> tuple[str, bool]:
    """("ja"|"en", whether the raw value had to be refused)."""
    if raw is None:
        return "ja", False
    if raw in ("ja", "en"):
        return raw, False
    return "ja", True


# --- CSV encoding and the benchmark's view ---------------------------------------------------------------------------

ENCODING_PARAMETER = "encoding"
ENCODINGS_IN_URL = {"utf8": "utf-8-sig", "cp932": "cp932"}  # URL word → codec


def parse_encoding(raw: str | None) -> tuple[str, bool]:
    """(codec for CSV downloads, whether the raw value had to be refused); UTF-8 with BOM by default."""
    if raw is None:
        return "utf-8-sig", False
    if raw in ENCODINGS_IN_URL:
        return ENCODINGS_IN_URL[raw], False
    return "utf-8-sig", True


def encoding_to_param(encoding: str) -> str:
    return next(word for word, codec in ENCODINGS_IN_URL.items() if codec == encoding)


PROFILE_VIEW = "view"  # the profile page: view=print opens its print view


def parse_profile_view(raw: str | None) -> tuple[bool, bool]:
    """(whether the print view is asked for, whether the raw value had to be refused): `print` or `screen`."""
    if raw is None or raw == "screen":
        return False, False
    if raw == "print":
        return True, False
    return False, True


BENCHMARK_MODES = ("single", "multiple")
BENCHMARK_VIEWS = ("screen", "print")


@dataclass(frozen=True)
class BenchmarkView:
    """What the benchmark page shows, which a link may share. Never the entries: they stay in the user's session."""

    mode: str = "single"
    entity_type: str | None = None
    view: str = "screen"
    sort: str = "input"
    government_code: str | None = None  # chosen by search or link; checked by the page (dashboard/government_data.government_code_from_url)


def parse_benchmark_view(params: Mapping[str, str], entity_types: Sequence[str],
                         sorts: Sequence[str]) -> tuple[BenchmarkView, list[Notice]]:
    """The view named by `mode`, `type`, `view` and `sort`; a value outside the fixed options is refused by name."""
    default = BenchmarkView()
    notices: list[Notice] = []
    chosen = {}
    for name, allowed, field_name in (("mode", BENCHMARK_MODES, "mode"), ("type", entity_types, "entity_type"),
                                      ("view", BENCHMARK_VIEWS, "view"), ("sort", sorts, "sort")):
        raw = params.get(name)
        if raw is None:
            continue
        if isinstance(raw, str) and len(raw) <= MAX_PARAMETER_LENGTH and raw in allowed:
            chosen[field_name] = raw
        else:
            notices.append(Notice(name, partial=False))
    return BenchmarkView(**{**default.__dict__, **chosen}), notices


def benchmark_view_to_params(view: BenchmarkView) -> dict[str, str]:
    params = {"mode": view.mode, "view": view.view}
    if view.entity_type:
        params["type"] = view.entity_type
    if view.mode == "multiple":
        params["sort"] = view.sort
    if view.government_code:
        params["code"] = view.government_code
    return params


# --- a topic page's distribution view --------------------------------------------------------------------------------

DISTRIBUTION_INDICATOR, DISTRIBUTION_TYPES, DISTRIBUTION_ANSWERS, DISTRIBUTION_PREFECTURE = "dist", "dist_types", "dist_answers", "dist_pref"
DISTRIBUTION_PARAMETERS = (DISTRIBUTION_INDICATOR, DISTRIBUTION_TYPES, DISTRIBUTION_ANSWERS, DISTRIBUTION_PREFECTURE)


@dataclass(frozen=True)
class DistributionFilters:
    """What the distribution's list is narrowed to; empty (or None) means every government."""

    types: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    prefecture: str | None = None


def parse_distribution_indicator(params: Mapping[str, str], allowed: Sequence[str]) -> tuple[str, list[Notice]]:
    """The indicator named by `dist`, else the first; a value outside `allowed` is refused by name."""
    raw = params.get(DISTRIBUTION_INDICATOR)
    if raw is None:
        return allowed[0], []
    if isinstance(raw, str) and len(raw) <= MAX_PARAMETER_LENGTH and raw in allowed:
        return raw, []
    return allowed[0], [Notice(DISTRIBUTION_INDICATOR, partial=False)]


def parse_distribution_filters(params: Mapping[str, str], types: Sequence[str], answers: Sequence[str],
                               prefectures: Sequence[str]) -> tuple[DistributionFilters, list[Notice]]:
    """The list's filters for a view whose options are given (no answer filter where `answers` is empty). Unknown values
    are dropped with a notice; nothing usable means no filter."""
    notices: list[Notice] = []
    chosen_types = _parse_list(params.get(DISTRIBUTION_TYPES), list(types), DISTRIBUTION_TYPES, notices) or []
    chosen_answers = []
    if answers:  # a rate's view has no answer filter: the parameter means nothing there
        chosen_answers = _parse_list(params.get(DISTRIBUTION_ANSWERS), list(answers), DISTRIBUTION_ANSWERS, notices) or []
    prefecture = params.get(DISTRIBUTION_PREFECTURE)
    if prefecture is not None and not (isinstance(prefecture, str) and prefecture in prefectures):
        notices.append(Notice(DISTRIBUTION_PREFECTURE, partial=False))
        prefecture = None
    return DistributionFilters(tuple(chosen_types), tuple(chosen_answers), prefecture or None), notices


def distribution_to_params(indicator: str | None, filters: DistributionFilters) -> dict[str, str]:
    """Only what differs from the default view is written: `indicator` None where the page has a single one."""
    params = {DISTRIBUTION_INDICATOR: indicator or "", DISTRIBUTION_TYPES: SEPARATOR.join(filters.types),
              DISTRIBUTION_ANSWERS: SEPARATOR.join(filters.answers), DISTRIBUTION_PREFECTURE: filters.prefecture or ""}
    return {name: value for name, value in params.items() if value}
