"""What a reader needs to cite and trust a chart: notes as printed, our transcription notes, bases, sources and dates.

Notes and titles are source text: they are drawn with st.text, never as markdown, so nothing in them is interpreted."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from common.formatting import format_date, gap_joined, labelled
from common.texts import pick, text
from dashboard.db import query
from dashboard.i18n import language


@dataclass(frozen=True)
class Notes:
    printed: tuple[str, ...]        # （注） as printed, in Japanese
    transcription: tuple[str, ...]  # our judgements, in the UI language
    bases: tuple[str, ...]          # responding bases below the census, one sentence each, then the reason


def coarser_groups_sentence(indicator_code: str, fiscal_year: int, lang: str) -> str | None:
    """Which types of municipality the table lumps together (e.g. 町村 inside その他市区町村 for AI), or None."""
    coarser = query("coarser_groups", indicator_code=indicator_code, fiscal_year=fiscal_year)
    sentences = []
    for _, rows in coarser.groupby("peer_group_code", sort=False):
        types = text("label_separator", lang).join(pick(r.entity_label_ja, r.entity_label_en, lang) for r in rows.itertuples())
        peer_label = pick(rows.peer_label_ja.iloc[0], rows.peer_label_en.iloc[0], lang)
        sentences.append(text("coarser_groups", lang, types=types, peer=text("quoted", lang, text=peer_label)))
    return " ".join(sentences) or None


def notes_for(indicator_codes: list[str], fiscal_years: list[int], lang: str) -> Notes:
    printed, transcription, bases = [], [], []
    for code in indicator_codes:
        printed += list(query("indicator_notes", indicator_code=code).note_ja)
        transcription += [pick(row.note_ja, row.note_en, lang) for row in query("transcription_notes", indicator_code=code).itertuples()]
        rows = query("responding_base_notes", indicator_code=code, fiscal_years=fiscal_years)
        if not rows.empty:
            bases += [base_sentence(row, lang) for row in rows.itertuples()] + [pick(rows.reason_ja.iloc[0], rows.reason_en.iloc[0], lang)]
    return Notes(tuple(dict.fromkeys(printed)), tuple(dict.fromkeys(transcription)), tuple(dict.fromkeys(bases)))


def show_notes(notes: Notes) -> None:
    lang = language()
    with st.expander(text("notes", lang), expanded=False):
        for heading, lines in ((text("printed_notes", lang), notes.printed),
                               (text("transcription_notes", lang), notes.transcription), (text("base_notes", lang), notes.bases)):
            if lines:
                st.markdown(f"**{heading}**")  # our own heading; the lines are source text
                for line in lines:
                    st.text(line)


def base_sentence(row, lang: str) -> str:
    base = f"{row.base_min:,}" if row.base_min == row.base_max else f"{row.base_min:,}〜{row.base_max:,}"
    short = f"{row.shortfall_min}" if row.shortfall_min == row.shortfall_max else f"{row.shortfall_min}〜{row.shortfall_max}"
    scope = getattr(row, f"breakdowns_{lang}")
    return text("base_sentence_scoped" if scope else "base_sentence", lang, year=getattr(row, f"fiscal_year_label_{lang}"),
                group=getattr(row, f"group_label_{lang}"), scope=scope, base=base, census=f"{row.census:,}", short=short)


def source_lines(indicator_code: str, lang: str) -> tuple[str, list[str]]:
    """(title, lines): the survey as printed, the as-of date and survey of each year, and where 別紙1 prints the table."""
    meta = query("indicator_meta", indicator_code=indicator_code).iloc[0]
    years = query("indicator_years", indicator_code=indicator_code)
    lines = [meta.source_ja] if meta.source_ja else []
    lines += [gap_joined([labelled(pick(y.label_ja, y.label_en, lang), text('dated', lang, date=format_date(y.as_of, lang)), lang), y.source_ja], lang)
              for y in years.itertuples()]
    lines.append(text("printed_in", lang, section=meta.section_ja, first=meta.printed_first_line, last=meta.printed_last_line))
    return pick(meta.title_ja, meta.title_en, lang), lines


def show_sources(sources) -> None:
    """The page's closing section: each table's title, survey, as-of dates and where 別紙1 prints it."""
    st.divider()
    st.subheader(text("sources_heading", language()))
    for title, lines in sources:
        with st.container(border=True):
            st.text(title)
            st.text("\n".join(lines))
