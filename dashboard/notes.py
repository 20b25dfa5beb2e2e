"""What a reader needs to cite and trust a chart: notes as printed, our transcription notes, bases, sources and dates."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.db import query
from dashboard.formatting import format_date
from dashboard.i18n import language, pick, t


@dataclass(frozen=True)
class Notes:
    printed: tuple[str, ...]        # （注） as printed, in Japanese
    transcription: tuple[str, ...]  # our judgements, in the UI language
    bases: tuple[str, ...]          # responding bases below the census, one sentence each, then the reason


def coarser_groups_sentence(indicator_code: str, fiscal_year: int) -> str | None:
    """Which types of municipality the table lumps together (e.g. 町村 inside その他市区町村 for AI), or None."""
    coarser = query("coarser_groups", indicator_code=indicator_code, fiscal_year=fiscal_year)
    sentences = []
    for _, rows in coarser.groupby("peer_group_code", sort=False):
        types = ("・" if language() == "ja" else ", ").join(pick(r.entity_label_ja, r.entity_label_en) for r in rows.itertuples())
        peer_label = pick(rows.peer_label_ja.iloc[0], rows.peer_label_en.iloc[0])
        sentences.append(t("coarser_groups", types=types, peer=f"「{peer_label}」" if language() == "ja" else f"“{peer_label}”"))
    return " ".join(sentences) or None


def notes_for(indicator_codes: list[str], fiscal_years: list[int]) -> Notes:
    printed, transcription, bases = [], [], []
    for code in indicator_codes:
        printed += list(query("indicator_notes", indicator_code=code).note_ja)
        transcription += [pick(row.note_ja, row.note_en) for row in query("transcription_notes", indicator_code=code).itertuples()]
        rows = query("responding_base_notes", indicator_code=code, fiscal_years=fiscal_years)
        if not rows.empty:
            bases += [base_sentence(row) for row in rows.itertuples()] + [pick(rows.reason_ja.iloc[0], rows.reason_en.iloc[0])]
    return Notes(tuple(dict.fromkeys(printed)), tuple(dict.fromkeys(transcription)), tuple(dict.fromkeys(bases)))


def show_notes(notes: Notes) -> None:
    with st.expander(t("notes"), expanded=False):
        for heading, lines in ((t("printed_notes") + (t("printed_notes_language") if language() == "en" else ""), notes.printed),
                               (t("transcription_notes"), notes.transcription), (t("base_notes"), notes.bases)):
            if lines:
                st.markdown(f"**{heading}**")
                for line in lines:
                    st.text(line)  # text, not markdown: the characters are shown as they are, nothing interpreted


@st.cache_resource(max_entries=64, show_spinner=False)
def indicator_context(indicator_code: str, lang: str, version: tuple) -> tuple[Notes, str, tuple[str, ...]]:
    """Notes, title and source lines of one indicator over all its years; `lang` and `version` key the cache."""
    title, lines = source_lines(indicator_code)
    return notes_for([indicator_code], []), title, tuple(lines)


def base_sentence(row) -> str:
    base = f"{row.base_min:,}" if row.base_min == row.base_max else f"{row.base_min:,}〜{row.base_max:,}"
    short = f"{row.shortfall_min}" if row.shortfall_min == row.shortfall_max else f"{row.shortfall_min}〜{row.shortfall_max}"
    if language() == "ja":
        scope = f"（{row.breakdowns_ja}）" if row.breakdowns_ja else ""
        return f"{row.fiscal_year_label_ja} {row.group_label_ja}{scope}：母数 {base}団体（全{row.census:,}団体より{short}団体少ない）"
    scope = f" ({row.breakdowns_en})" if row.breakdowns_en else ""
    return f"{row.fiscal_year_label_en} {row.group_label_en}{scope}: base {base} ({short} below the {row.census:,} in the census)"


def source_lines(indicator_code: str) -> tuple[str, list[str]]:
    """(title, lines): the survey as printed, the as-of date and survey of each year, and where 別紙1 prints the table."""
    meta = query("indicator_meta", indicator_code=indicator_code).iloc[0]
    years = query("indicator_years", indicator_code=indicator_code)
    lines = [meta.source_ja] if meta.source_ja else []
    lines += [f"{pick(y.label_ja, y.label_en)}：{format_date(y.as_of, language())}{t('as_of_suffix')}　{y.source_ja}"
              for y in years.itertuples()]
    lines.append(t("printed_in", section=meta.section_ja, first=meta.printed_first_line, last=meta.printed_last_line))
    return pick(meta.title_ja, meta.title_en), lines


def show_sources(sources) -> None:
    """The page's closing section: each table's title, survey, as-of dates and where 別紙1 prints it."""
    st.divider()
    st.subheader(t("sources_heading"))
    for title, lines in sources:
        st.markdown(f"**{title}**")
        st.text("\n".join(lines))
