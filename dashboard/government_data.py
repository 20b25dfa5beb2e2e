"""Per-government data as the pages read it: governments (with their type in a given year), indicator metadata and the
cells of one indicator. Every frame comes from a named query and is cached per database version (dashboard.db)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common import fiscal_years
from common.formatting import as_of_phrase, bracketed, names_listed
from common.government_code import MunicipalityCodeError, normalise_municipality_code
from common.texts import pick, text
from dashboard.db import database_version, query
from dashboard.i18n import language
from dashboard.url_state import MAX_PARAMETER_LENGTH

# Digital Agency concepts that 別紙1 also prints, by type of municipality: (concept_code, 別紙1 indicator_code)
SAME_IN_BESSHI1 = {"overall_policy": "governance_overall_policy", "cross_departmental": "governance_cross_departmental",
                   "ai": "ai_adoption", "rpa": "rpa_adoption", "telework": "telework_adoption",
                   "mynumber_held": "mynumber_held", "mynumber_issued": "mynumber_issued"}


def governments() -> pd.DataFrame:
    """All 1,788 governments, today's type; indexed by government_code (the column is kept too)."""
    return query("governments_all").set_index("government_code", drop=False)


def government_code_from_url() -> tuple[str | None, str | None]:
    """`?code=` of the profile and benchmark pages: (the code, None) or (None, why it cannot be used, in the UI
    language). The raw value is never repeated whole."""
    raw = st.query_params.get("code")
    if raw is None or not raw.strip():
        return None, text("code_missing", language())
    if len(raw) > MAX_PARAMETER_LENGTH:
        return None, text("url_code_invalid", language(), reason=text("search_too_long", language(), limit=MAX_PARAMETER_LENGTH))
    try:
        code = normalise_municipality_code(raw)
    except MunicipalityCodeError as error:
        return None, text("url_code_invalid", language(), reason=pick(error.message_ja, error.message_en, language()))
    if code not in governments().index:
        return None, text("code_unknown", language())
    return code, None


def fiscal_year_of(day) -> int | None:
    """The 年度 a date falls in: April to March (2024-03-31 is in 2023年度); None for an undetermined date."""
    if day is None or pd.isna(day):
        return None
    return fiscal_years.fiscal_year_of(pd.Timestamp(day))


@st.cache_resource(max_entries=16, show_spinner=False)
def governments_in_year(fiscal_year: int | None, version: tuple) -> pd.DataFrame:
    """All governments with their type in `fiscal_year` (today's type where that year is not listed or the date is
    undetermined); `version` keys the cache."""
    frame = governments()
    if fiscal_year is None:
        return frame
    types = query("government_types_by_year")
    in_year = types[types.fiscal_year == fiscal_year].set_index("government_code").entity_type
    if len(in_year):
        frame = frame.assign(entity_type=frame.government_code.map(in_year).fillna(frame.entity_type))
    return frame


def indicators() -> pd.DataFrame:
    return query("government_indicators").set_index("indicator_code", drop=False)


def cells(indicator_code: str) -> pd.DataFrame:
    """The published cells of one indicator, every date."""
    return query("government_indicator_cells", indicator_code=indicator_code)


def latest(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.Timestamp | None]:
    """The cells of the latest date, and that date; the cells of an undetermined date (as_of NULL) when the indicator
    has no dated cell."""
    if frame.as_of.notna().any():
        as_of = frame.as_of.max()
        return frame[frame.as_of == as_of], as_of
    return frame, None


def as_of_text(as_of) -> str:
    """2023年4月1日時点 / as of 1 Apr 2023; 時点未確定 where the source's date could not be determined."""
    return text("as_of_undetermined", language()) if as_of is None or pd.isna(as_of) else as_of_phrase([as_of], language())


def iso_date(as_of) -> str:
    return text("as_of_undetermined", language()) if as_of is None or pd.isna(as_of) else pd.Timestamp(as_of).strftime("%Y-%m-%d")


def attributions(source_ids) -> list[str]:
    """The attribution each source requires, in the UI language, in the order given."""
    sources = query("government_sources").set_index("source_id")
    return [pick(sources.at[s, "attribution_ja"], sources.at[s, "attribution_en"], language()) for s in dict.fromkeys(source_ids)
            if s in sources.index]


def name(row) -> str:
    return pick(row.name_ja, row.name_en, language())


@st.cache_resource(max_entries=4, show_spinner=False)
def _name_forms(lang: str, version: tuple) -> pd.DataFrame:
    """Every government's name in `lang`, by government_code, in the three forms the pages list it in:
    - `nationwide`: with its prefecture where another government bears the same name (府中市 ×2; in English also names
      that differ only in kanji: 古河市 and 古賀市 are both Koga-shi);
    - `in_prefecture`: with its Japanese name where another government of the same prefecture bears the same name (in
      English only: 江差町 and 枝幸町, both 北海道, are both Esashi-cho), for lists of one prefecture or beside it;
    - `with_prefecture`: always with its prefecture (and its Japanese name where the prefecture is not enough).
    `version` keys the cache."""
    frame = governments()
    shown = pd.Series([pick(ja, en, lang) for ja, en in zip(frame.name_ja, frame.name_en)], index=frame.index)
    prefecture = [pick(ja, en, lang) for ja, en in zip(frame.prefecture_ja, frame.prefecture_en)]
    shared = shown.duplicated(keep=False)
    shared_in_prefecture = pd.DataFrame({"prefecture": frame.prefecture_code, "name": shown}).duplicated(keep=False)
    separator = text("list_separator", lang)
    notes = [separator.join([ja, pref]) if twin else pref for ja, pref, twin in zip(frame.name_ja, prefecture, shared_in_prefecture)]
    return pd.DataFrame({
        "nationwide": [bracketed(name, note, lang) if twin else name for name, note, twin in zip(shown, notes, shared)],
        "in_prefecture": [bracketed(name, ja, lang) if twin else name for name, ja, twin in zip(shown, frame.name_ja, shared_in_prefecture)],
        "with_prefecture": [bracketed(name, note, lang) for name, note in zip(shown, notes)],
    }, index=frame.index)


def distinct_names(codes, lang: str) -> list[str]:
    """Governments' names in `lang`, told apart nationwide: 「府中市（東京都）」, "Esashi-cho (江差町, Hokkaido)"."""
    return _name_forms(lang, database_version()).nationwide.loc[list(codes)].tolist()


def distinct_name(code: str, lang: str) -> str:
    return distinct_names([code], lang)[0]


def names_in_prefecture(codes, lang: str) -> list[str]:
    """Names told apart among the governments of one prefecture (shown within it or beside it): "Esashi-cho (江差町)"."""
    return _name_forms(lang, database_version()).in_prefecture.loc[list(codes)].tolist()


def name_with_prefecture(code: str, lang: str) -> str:
    """A name with its prefecture, as search results read: 「府中市（東京都）」, "Esashi-cho (枝幸町, Hokkaido)"."""
    return _name_forms(lang, database_version()).at[code, "with_prefecture"]


def names(codes, limit: int = 5) -> str:
    """Names of governments, the first `limit` and a count of the rest; same-name governments carry their prefecture."""
    codes = list(codes)
    return names_listed(distinct_names(codes[:limit], language()), len(codes), language())
