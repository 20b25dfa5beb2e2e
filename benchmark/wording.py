"""The benchmark in words: answers, positions, the sentence per item, the summary lines, the scorecard as read on screen
and in print, and the short answers of the heatmap. Pure Python; every word comes from common/texts/."""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import pandas as pd

from benchmark.peers import UNKNOWN_BAND, GovernmentBase, PeerContext, Reference
from benchmark.scoring import ScoreRow, signed_score
from benchmark.vocabulary import BenchmarkItem
from common.fiscal_years import format_fiscal_year
from common.formatting import format_date, format_points, names_listed
from common.texts import pick, text


def sentence(row: ScoreRow, language: str) -> str:
    """The plain sentence about one item, written once per row and language."""
    if language not in row.sentences:
        row.sentences[language] = _sentence(row, language)
    return row.sentences[language]


def row_answer(row: ScoreRow, language: str) -> str:
    return answer_label(row.item, row.answer, language, row.context)


def position_label(row: ScoreRow, language: str) -> str:
    label = text(f"pos_{row.position}", language)
    if row.position == "not_comparable" and row.reason:
        return text("bracketed", language, text=label, note=text("reason_" + row.reason, language))
    return label


def _number_text(value: float | Decimal) -> str:
    """An entered number as the user would write it: 65 → "65", 65.25 → "65.25"."""
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def answer_label(item: BenchmarkItem, answer, language: str, context: PeerContext | None = None) -> str:
    if answer is None:
        return text("unanswered", language)
    if item.kind == "yes_no":
        return item.yes(language) if answer else item.no(language)
    if item.kind == "band":
        names = {code: pick(ja, en, language) for code, ja, en in context.band_labels} if context else {}
        return names.get(answer, answer)
    return f"{_number_text(answer)}%"


def _sentence(row: ScoreRow, language: str) -> str:
    context, item = row.context, row.item
    head = text("sentence_head", language, item=item.label(language),
                answer=row_answer(row, language))
    as_of = context.as_of_text(language)
    if context.missing == "not_published":
        return head + text("not_published_anywhere", language)
    if context.peer is None:
        body = text(context.missing or "no_peer", language, entity=context.entity_label(language))
        if context.national is not None:
            body = text("sentence_join", language, first=body, second=text(
                "national_reference", language, group=context.national.label(language),
                value=context.national.text(language), as_of=as_of))
        return head + body
    peer = context.peer.label(language)
    if item.kind == "yes_no" and context.government_base is not None:
        body = government_sentence(context, language)
    elif item.kind == "yes_no":
        body = text("yes_no_peer", language, peer=peer, value=context.peer.text(language), yes=item.yes(language),
                    as_of=as_of)
    elif item.kind == "band":
        if row.band_shares is not None:
            unknown = next((b for b in context.bands if b.band_code == UNKNOWN_BAND), None)
            higher, same, lower = row.band_shares
            body = text("band_peer", language, peer=peer, as_of=as_of,
                        unknown=f"{unknown.value_printed}%" if unknown and unknown.value is not None else "－",
                        higher=higher, same=same, lower=lower)
        else:
            body = text("band_distribution", language, peer=peer, as_of=as_of, distribution=_distribution(context, language))
    else:
        body = text("percent_peer", language, peer=peer, value=context.peer.text(language), as_of=as_of)
        if row.difference is not None:
            body = text("sentence_join", language, first=body, second=text(
                "difference", language, difference=format_points(float(row.difference), language)))
    tail = _position_words(row, language)
    return head + (text("sentence_join", language, first=body, second=tail) if tail else body)


def _counter(base: GovernmentBase, language: str) -> str:
    return base.counter_ja if language == "ja" else ""


def _names(names: tuple[tuple[str, str], ...], language: str, limit: int = 5) -> str:
    return names_listed([pick(ja, en, language) for ja, en in names[:limit]], len(names), language)


def government_sentence(context: PeerContext, language: str) -> str:
    """「回答した中核市61市のうち55市（90.2%・計算値）が策定済み（2023年4月1日時点、金沢市は調査無し）。」: the base in words,
    as the profile page says it (dashboard/peer_text.py)."""
    base = context.government_base
    missing = ""
    if base.not_surveyed:
        missing += text("missing_not_surveyed", language, names=_names(base.not_surveyed, language))
    if base.not_reported:
        missing += text("missing_not_reported", language, names=_names(base.not_reported, language))
    return text("yes_no_government", language, peer=context.peer.label(language), answered=base.answered,
                done=base.done, counter=_counter(base, language), share=base.share, yes=context.item.yes(language),
                as_of=format_date(base.as_of, language), missing=missing)


def peer_value_text(context: PeerContext, language: str) -> str:
    """The peer's value as a reader should take it: 「55/61（90.2%・計算値）」 for real peers, the printed value else."""
    base = context.government_base
    if base is not None:
        return text("government_peer_value", language, done=base.done, answered=base.answered, share=base.share)
    return _ref_text(context.peer, language, context)


def basis_line(context: PeerContext, language: str) -> str:
    """Who the item is compared with, and why: real governments of the type, or 別紙1's group and the reason."""
    item = context.item.label(language)
    base = context.government_base
    if base is not None:
        return text("basis_government", language, item=item, peer=context.peer.label(language),
                    source=base.source(language), as_of=format_date(base.as_of, language))
    if context.peer is None:
        return text("basis_none", language, item=item)
    reason = context.besshi_reason or "no_government_data"
    return text(f"basis_besshi_{reason}", language, item=item, group=context.peer.label(language),
                year=context.year_label(language),
                as_of=format_date(context.government_data_as_of, language) if context.government_data_as_of else "")


def _distribution(context: PeerContext, language: str) -> str:
    return text("list_separator", language).join(f"{b.label(language)} {b.value_printed}%" if b.value is not None else f"{b.label(language)} －"
                    for b in context.bands)


def _position_words(row: ScoreRow, language: str) -> str:
    kind = row.item.kind
    if row.position == "not_comparable":
        if row.reason == "not_ranked":
            return text("not_ranked", language)
        if row.reason == "unknown_band":
            return text("unknown_band_answer", language)
        if row.reason == "not_adopted":
            return text("not_adopted_band", language)
        return ""
    if kind == "yes_no":
        return text(f"position_{row.position}", language)
    if kind == "band":
        return text(f"band_{row.position}", language)
    return text({"ahead": "position_above", "behind": "position_below", "level": "position_same"}[row.position], language)


def summary_line(row: ScoreRow, language: str) -> str:
    context, item = row.context, row.item
    peer = context.peer.label(language)
    if item.kind == "yes_no":
        return text("summary_yes_no", language, item=item.label(language), peer=peer, yes=item.yes(language),
                    value=peer_value_text(context, language))
    if item.kind == "band":
        key = "summary_band_ahead" if row.position == "ahead" else "summary_band_behind"
        return text(key, language, item=item.label(language), peer=peer, share=row.distance)
    return text("summary_percent", language, item=item.label(language), peer=peer, value=context.peer.text(language),
                difference=format_points(float(row.difference), language))


def measure_label(context: PeerContext, language: str) -> str:
    item = context.item
    if item.kind == "yes_no":
        return text("measure_yes_no", language, yes=item.yes(language))
    if item.kind == "band":
        band = context.measure_band.label(language) if context.measure_band else ""
        return text("measure_band", language, band=band)
    return text("measure_percent", language, item=item.label(language))


def _ref_text(ref: Reference | None, language: str, context: PeerContext) -> str:
    if ref is None:
        return text("not_published", language)
    value = ref.text(language)
    if context.item.kind == "band" and context.measure_band is not None:
        value = text("labelled", language, label=context.measure_band.label(language), value=value)
    return value


def scorecard_display_frame(rows: Sequence[ScoreRow], language: str) -> pd.DataFrame:
    """The scorecard as read on screen and in print: printed values with their counts, computed ones labelled."""
    records = []
    for row in rows:
        context = row.context
        peer = context.peer
        peer_group = text("bracketed", language, text=peer.label(language),
                          note=format_fiscal_year(context.fiscal_year, language)) if peer else \
            text("reason_" + (context.missing or "no_peer"), language)
        base = context.government_base
        if base is not None:
            peer_group = text("government_peer_group", language, peer=peer.label(language), answered=base.answered,
                              counter=_counter(base, language), year=format_fiscal_year(context.fiscal_year, language))
        leading = (f"{context.leading_label(language)} {_ref_text(context.leading[0], language, context)}"
                   if context.leading else text("not_published", language))
        national = (f"{context.national.label(language)} {_ref_text(context.national, language, context)}"
                    if context.national else text("not_published", language))
        records.append({  # what a reader needs first comes first; the references follow
            text("col_item", language): row.item.label(language),
            text("col_answer", language): row_answer(row, language),
            text("col_peer", language): peer_group,
            text("col_peer_value", language): peer_value_text(context, language) if peer else "",
            text("col_difference", language): format_points(float(row.difference), language)
            if row.difference is not None else "",
            text("col_position", language): position_label(row, language),
            text("col_national", language): national,
            text("col_leading", language): leading,
        })
    return pd.DataFrame.from_records(records)


def _short_answer(row: ScoreRow, language: str) -> str:
    if row.answer is None:
        return ""
    if row.item.kind == "yes_no":
        return text("short_yes" if row.answer else "short_no", language)
    if row.item.kind == "band":
        bounds = re.fullmatch(r"band_(\d+)_(\d+)", row.answer)
        if bounds is None:  # 不明
            return text("short_unknown", language)
        low, high = bounds.groups()
        return f"{low}+" if high == "100" else (f"<{high}" if low == "0" else f"{low}–{high}")
    return _number_text(row.answer)


def matrix_frames(scored: Sequence[Sequence[ScoreRow]], language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(signed scores, short answers): one row per entry (in the order given), one column per item code."""
    scores = pd.DataFrame([{row.item.item_code: signed_score(row) for row in rows} for rows in scored], dtype="float64")
    answers = pd.DataFrame([{row.item.item_code: _short_answer(row, language) for row in rows} for rows in scored],
                           dtype=object)
    return scores, answers
