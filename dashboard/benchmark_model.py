"""The database side of the benchmark page: vocabulary, items, published facts and the peer context of every type of
local government. One model per database version, shared by every session; it holds published data only, never a
user's entries."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from benchmark.peers import PeerContext, peer_contexts
from benchmark.scoring import ScoreRow, score_entry
from benchmark.vocabulary import MunicipalityEntry, items_from_frame, vocabulary
from common.texts import pick
from dashboard.benchmark_official import OfficialData
from dashboard.db import query


class Model:
    def __init__(self) -> None:
        self.items = items_from_frame(query("benchmark_items"))
        types = query("benchmark_entity_types")
        band_indicators = dict.fromkeys(item.indicator_code for item in self.items if item.kind == "band")
        bands = pd.concat([query("breakdowns", indicator_code=code) for code in band_indicators])
        self.vocabulary = vocabulary(self.items, types, bands)
        self.types = self.vocabulary.entity_types
        self.government_codes = frozenset(query("benchmark_government_codes").government_code)
        facts = query("benchmark_facts")
        # every type's contexts at once: seven small computations when the model is built, then read-only
        self.official = OfficialData(self.items)
        # 別紙1's groups, then the real governments of the type wherever the per-government table answers the item
        self.contexts: dict[str, dict[str, PeerContext]] = {
            code: self.official.with_real_peers(
                peer_contexts(self.items, facts, query("benchmark_peer_groups", entity_type=code), code, ja, en), code)
            for code, (ja, en) in self.types.items()}

    def type_label(self, entity_type: str, lang: str) -> str:
        ja, en = self.types.get(entity_type, (entity_type, entity_type))
        return pick(ja, en, lang)

    def score(self, entry: MunicipalityEntry) -> list[ScoreRow]:
        return score_entry(entry, self.items, self.contexts[entry.entity_type])


@st.cache_resource(max_entries=2, show_spinner=False)
def benchmark_model(version: tuple) -> Model:
    """`version` keys the cache: a new database gets a new model."""
    return Model()
