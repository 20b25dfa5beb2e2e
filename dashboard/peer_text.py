"""Peer comparisons in words: the short cell of a table and the sentence that names its base, e.g.
「全体方針策定：未実施。回答した中核市61市のうち55市（90.2%）が実施（2023年4月1日時点、金沢市は調査無し）。」"""
from __future__ import annotations

import math

from dashboard.government_data import as_of_text, names
from common.texts import text
from dashboard.i18n import language
from governments.peers import (DONE, NOT_APPLICABLE, NOT_DONE, NOT_REPORTED, NOT_SURVEYED, POPULATION_BANDS,
                               AnswerSummary, NumberSummary, Peers)

# The counter word after a number of governments of a type: 61市, 23区, 926町 … ; 団体 for mixed sets
COUNTERS = {"designated": "市", "core": "市", "city_other": "市", "ward": "区", "town": "町", "village": "村"}


def counter_ja(entity_type: str) -> str:
    """The Japanese counter word after a number of governments of a type (55市, 12町, 47団体)."""
    return COUNTERS.get(entity_type, "団体")


def counter(entity_type: str) -> str:
    """The counter word in the UI language; English needs none."""
    return counter_ja(entity_type) if language() == "ja" else ""


def status_text(printed: str) -> str:
    """An answer in the UI language; a number stays exactly as printed."""
    keys = {DONE: "status_done", NOT_DONE: "status_not_done", NOT_SURVEYED: "status_not_surveyed",
            NOT_REPORTED: "status_not_reported", NOT_APPLICABLE: "status_not_applicable"}
    return text(keys[printed], language()) if printed in keys else printed


def band_label(key: str) -> str:
    low = int(key)
    high = next(band[1] for band in POPULATION_BANDS if band[0] == low)
    if math.isinf(high):
        return text("band_label_open", language(), low=f"{low:,}")
    return text("band_label", language(), low=f"{low:,}", high=f"{int(high) - 1:,}")


def peer_heading(peers: Peers, type_label: str, prefecture_label: str) -> str:
    """The column heading of a peer set: 同じ区分（中核市）, 同じ都道府県（北海道内）, 同じ人口規模（100,000〜299,999人）."""
    if peers.kind == "type":
        return text("peers_type", language(), label=type_label)
    if peers.kind == "prefecture":
        return text("peers_prefecture", language(), label=prefecture_label)
    return text("peers_population", language(), label=band_label(peers.key))


def peer_noun(peers: Peers, type_label: str, prefecture_label: str) -> tuple[str, str]:
    """(the peers named in a sentence, the counter word): (中核市, 市), (北海道内の市区町村, 団体)."""
    if peers.kind == "type":
        if peers.key == "pref":
            return text("peer_set_prefectures", language()), counter("")
        return text("peer_set_type", language(), label=type_label), counter(peers.key)
    if peers.kind == "prefecture":
        return text("peer_set_prefecture", language(), label=prefecture_label), counter("")
    return text("peer_set_population", language(), label=band_label(peers.key)), counter("")


def share_text(share: float) -> str:
    """A computed share with one decimal, as 別紙1 prints its own."""
    return f"{share:.1f}"


def number_text(value: float | None, unit: str) -> str:
    if value is None:
        return "－"
    if unit == "pct":
        return f"{value:.1f}%"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def answer_cell(summary: AnswerSummary) -> str:
    if not summary.answered:
        return text("peer_none", language())
    return text("peer_answer_cell", language(), done=summary.done, answered=summary.answered, share=share_text(summary.share))


def number_cell(summary: NumberSummary, unit: str) -> str:
    if not summary.reported:
        return text("peer_none", language())
    if summary.rank is None:
        return text("peer_number_cell_unranked", language(), median=number_text(summary.median, unit), count=summary.reported)
    return text("peer_number_cell", language(), median=number_text(summary.median, unit), count=summary.reported,
             rank=f"{summary.rank}/{summary.reported}")


def _missing(summary) -> str:
    parts = []
    if summary.not_surveyed:
        parts.append(text("missing_not_surveyed", language(), names=names(summary.not_surveyed)))
    if summary.not_reported:
        parts.append(text("missing_not_reported", language(), names=names(summary.not_reported)))
    return "".join(parts)


def answer_sentence(indicator: str, own: str, summary: AnswerSummary, as_of, type_label: str, prefecture_label: str) -> str:
    peer, counter = peer_noun(summary.peers, type_label, prefecture_label)
    fields = dict(indicator=indicator, value=status_text(own), peer=peer, as_of=as_of_text(as_of),
                  missing=_missing(summary))
    if not summary.answered:
        return text("sentence_no_base", language(), **fields)
    return text("sentence_answer", language(), answered=summary.answered, done=summary.done, share=share_text(summary.share),
             counter=counter, **fields)


def number_sentence(indicator: str, own: str, summary: NumberSummary, unit: str, as_of, type_label: str,
                    prefecture_label: str) -> str:
    peer, counter = peer_noun(summary.peers, type_label, prefecture_label)
    fields = dict(indicator=indicator, value=status_text(own), peer=peer, as_of=as_of_text(as_of),
                  missing=_missing(summary))
    if not summary.reported:
        return text("sentence_no_base", language(), **fields)
    rank_text = (text("sentence_rank", language(), rank=summary.rank, count=summary.reported, counter=counter)
                 if summary.rank is not None else text("sentence_no_rank", language()))
    return text("sentence_number", language(), count=summary.reported, counter=counter, median=number_text(summary.median, unit),
             low=number_text(summary.lower_quartile, unit), high=number_text(summary.upper_quartile, unit),
             rank_text=rank_text, **fields)
