"""What a reader needs to cite and trust a chart: notes as printed, our transcription notes, bases, sources and dates."""
from __future__ import annotations

import streamlit as st

from dashboard.db import query
from dashboard.formatting import format_date
from dashboard.i18n import language, pick, t


def coarser_groups_note(indicator_code: str, fiscal_year: int) -> None:
    """Say which types of municipality the table lumps together (e.g. 町村 inside その他市区町村 for AI)."""
    coarser = query("coarser_groups", indicator_code=indicator_code, fiscal_year=fiscal_year)
    for _, rows in coarser.groupby("peer_group_code", sort=False):
        types = ("・" if language() == "ja" else ", ").join(pick(r.entity_label_ja, r.entity_label_en) for r in rows.itertuples())
        peer_label = pick(rows.peer_label_ja.iloc[0], rows.peer_label_en.iloc[0])
        st.caption("ℹ️ " + t("coarser_groups", types=types, peer=f"「{peer_label}」" if language() == "ja" else f"“{peer_label}”"))


def notes_expander(indicator_codes: list[str], fiscal_years: list[int]) -> None:
    with st.expander(t("notes"), expanded=False):
        for code in indicator_codes:
            printed = query("indicator_notes", indicator_code=code)
            if not printed.empty:
                st.markdown(f"**{t('printed_notes')}** {t('printed_notes_language') if language() == 'en' else ''}")
                for note in printed.note_ja:
                    st.text(note)  # text, not markdown: the source's own characters, nothing interpreted
            transcription = query("transcription_notes", indicator_code=code)
            if not transcription.empty:
                st.markdown(f"**{t('transcription_notes')}**")
                for row in transcription.itertuples():
                    st.text(pick(row.note_ja, row.note_en))
            bases = query("responding_base_notes", indicator_code=code, fiscal_years=fiscal_years)
            if not bases.empty:
                st.markdown(f"**{t('base_notes')}**")
                for row in bases.itertuples():
                    st.text(base_sentence(row))
                st.text(pick(bases.reason_ja.iloc[0], bases.reason_en.iloc[0]))


def base_sentence(row) -> str:
    base = f"{row.base_min:,}" if row.base_min == row.base_max else f"{row.base_min:,}〜{row.base_max:,}"
    short = f"{row.shortfall_min}" if row.shortfall_min == row.shortfall_max else f"{row.shortfall_min}〜{row.shortfall_max}"
    if language() == "ja":
        scope = f"（{row.breakdowns_ja}）" if row.breakdowns_ja else ""
        return f"{row.fiscal_year_label_ja} {row.group_label_ja}{scope}：母数 {base}団体（全{row.census:,}団体より{short}団体少ない）"
    scope = f" ({row.breakdowns_en})" if row.breakdowns_en else ""
    return f"{row.fiscal_year_label_en} {row.group_label_en}{scope}: base {base} ({short} below the {row.census:,} in the census)"


def sources_footer(indicator_codes: list[str]) -> None:
    st.divider()
    st.subheader(t("sources_heading"))
    for code in indicator_codes:
        meta = query("topic_indicators", topic_code=query("indicator_topic", indicator_code=code).topic_code.iloc[0])
        meta = meta.set_index("indicator_code").loc[code]
        years = query("indicator_years", indicator_code=code)
        st.markdown(f"**{pick(meta.title_ja, meta.title_en)}**")
        lines = [meta.source_ja] if meta.source_ja else []
        lines += [f"{pick(y.label_ja, y.label_en)}：{format_date(y.as_of, language())}{'時点' if language() == 'ja' else ''}　{y.source_ja}"
                  for y in years.itertuples()]
        lines.append(t("printed_in", section=meta.section_ja, first=meta.printed_first_line, last=meta.printed_last_line))
        st.text("\n".join(lines))
