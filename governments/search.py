"""Finding a government by what a user types: name, kana, romanised name or 団体コード. Pure Python, no Streamlit.

The index is built once per database version; a query is then a scan of about 9,000 short keys (a few milliseconds).
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from common.government_code import MunicipalityCodeError, check_digit, normalise_municipality_code

MAX_QUERY_CHARS = 40   # longer text is refused whole, not cut, with a message saying so
# The search boxes' own limit. The browser ignores a paste longer than a box's limit without a word, so the boxes take
# far more than MAX_QUERY_CHARS and the search says the text is too long; this only bounds what one request carries.
MAX_BOX_CHARS = 1000
MAX_RESULTS = 20
# Readings of the suffix of a name, to match 「はこだて」 to はこだてし and "hakodate" to Hakodate-shi
KANA_SUFFIXES = {"市": ("し",), "区": ("く",), "町": ("ちょう", "まち"), "村": ("むら", "そん"), "県": ("けん",), "府": ("ふ",),
                 "都": ("と",)}
# …and its romanisations; a romanised suffix counts only as a separate word (Mito is not Mi-to)
ROMAN_SUFFIXES = {"市": ("shi", "city"), "区": ("ku", "ward", "city"), "町": ("cho", "machi", "town"),
                  "村": ("mura", "son", "village"), "県": ("ken", "prefecture"), "府": ("fu", "prefecture"),
                  "都": ("to", "metropolis"), "道": ("prefecture",)}
ROMAN_SUFFIX_WORDS = frozenset(word for words in ROMAN_SUFFIXES.values() for word in words)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_SEPARATORS = re.compile(r"[\s・･\-‐‑–—ー―'’.,、。()（）]+")


@dataclass(frozen=True)
class Government:
    """What the search needs to know of one government, from the `governments` table."""

    code: str
    name_ja: str
    name_kana: str
    name_en: str
    prefecture_code: str
    prefecture_ja: str
    prefecture_en: str
    entity_type: str


@dataclass(frozen=True)
class SearchResult:
    """Matches, best first; `problem` names why nothing was searched or found (a text key and its fields)."""

    matches: tuple[Government, ...]
    more: int = 0  # matches beyond MAX_RESULTS, not shown
    problem: str | None = None
    problem_fields: tuple[tuple[str, str], ...] = ()


def normalise(text: str) -> str:
    """The comparable form of a name or query: full/half width folded (NFKC), lower case, カタカナ → ひらがな, ヶ/ケ read
    alike, separators dropped, and romanisation variants (ō/ou/oo → o, uu → u, m before b/p → n) collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)
    text = text.replace("ゖ", "け").replace("ゕ", "か")
    # accents off Latin letters (ō → o); the kana voicing marks stay, they change the sound (か ≠ が)
    text = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFKD", text)
                                                if not unicodedata.combining(c) or c in "\u3099\u309a"))
    text = _SEPARATORS.sub("", _CONTROL.sub("", text))
    return _fold_romanisation(text)


def _fold_romanisation(text: str) -> str:
    if not any("a" <= c <= "z" for c in text):
        return text
    for old, new in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("mb", "nb"), ("mp", "np"), ("mm", "nm")):
        text = text.replace(old, new)
    return text


def _keys(government: Government) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full keys, keys without the 市/町/村 suffix) of a government, normalised."""
    name, kana = normalise(government.name_ja), normalise(government.name_kana)
    roman_base = normalise(without_roman_suffix(government.name_en))
    suffix = government.name_ja[-1:]
    full = [name, kana, normalise(government.name_en), normalise(government.prefecture_ja + government.name_ja)]
    full += [roman_base + word for word in ROMAN_SUFFIXES.get(suffix, ())]
    short = [roman_base]
    if len(government.name_ja) > 2 and suffix in KANA_SUFFIXES and government.name_ja != "北海道":
        short.append(name[:-1])
        short += [kana[: -len(reading)] for reading in KANA_SUFFIXES[suffix] if kana.endswith(reading) and len(kana) > len(reading)]
    full = [key for key in dict.fromkeys(full) if key]
    return tuple(full), tuple(key for key in dict.fromkeys(short) if key and key not in full)


def without_roman_suffix(text: str) -> str:
    """Hakodate-shi, Hakodate City → Hakodate; a name without a separate suffix word stays whole."""
    words = re.split(r"[\s\-‐]+", unicodedata.normalize("NFKC", text).strip())
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in ROMAN_SUFFIX_WORDS else " ".join(words)


class SearchIndex:
    """Every government's normalised keys, built once per database version, laid out so that a query costs lookups in
    dictionaries and sorted lists plus one scan of a single string, not a loop over 9,000 keys in Python."""

    def __init__(self, governments: Iterable[Government]):
        self.governments = tuple(sorted(governments, key=lambda g: g.code))
        self.by_code = {g.code: g for g in self.governments}
        self._exact: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
        full_keys, short_keys = [], []
        for index, government in enumerate(self.governments):
            full, short = _keys(government)
            for exact, keys, listed in ((self._exact[0], full, full_keys), (self._exact[1], short, short_keys)):
                for key in keys:
                    exact.setdefault(key, set()).add(index)
                    listed.append((key, index))
        self._sorted = (sorted(full_keys), sorted(short_keys))
        self._haystack = "\n".join(key for key, _ in full_keys)
        self._owners = [index for _, index in full_keys]
        self._starts = list(itertools.accumulate((len(key) + 1 for key, _ in full_keys[:-1]), initial=0))

    def search(self, query: str) -> SearchResult:
        if not isinstance(query, str) or not query.strip():
            return SearchResult(())
        if len(query) > MAX_QUERY_CHARS:
            return SearchResult((), problem="search_too_long", problem_fields=(("limit", str(MAX_QUERY_CHARS)),))
        folded = normalise(query)
        if not folded:
            return SearchResult((), problem="search_no_match")
        if folded.isdigit() and folded.isascii():
            return self._by_code(folded)
        stripped = _strip_query_suffix(query, folded)
        ranks: dict[int, int] = {}

        def found(indices, rank: int) -> None:
            for index in indices:
                if ranks.get(index, 99) > rank:
                    ranks[index] = rank

        # 0 the exact name, 1 the name without its suffix, 2 the start of a name, 3 the start without the suffix, 4 inside
        found(self._exact[0].get(folded, ()), 0)
        found(self._exact[1].get(folded, ()), 1)
        if stripped != folded:
            found(self._exact[0].get(stripped, ()), 1)
            found(self._exact[1].get(stripped, ()), 1)
        found(self._starting(0, folded), 2)
        if stripped != folded:
            found(self._starting(1, stripped), 3)
        if len(folded) >= 2:
            found((self._owners[bisect.bisect_right(self._starts, match.start()) - 1]
                   for match in re.finditer(re.escape(folded), self._haystack)), 4)
        return _result([self.governments[index] for index in sorted(ranks, key=lambda index: (ranks[index], index))])

    def _starting(self, which: int, prefix: str):
        keys = self._sorted[which]
        position = bisect.bisect_left(keys, (prefix, -1))
        while position < len(keys) and keys[position][0].startswith(prefix):
            yield keys[position][1]
            position += 1

    def _by_code(self, digits: str) -> SearchResult:
        if len(digits) == 6:
            try:
                code = normalise_municipality_code(digits)
            except MunicipalityCodeError as error:
                return _code_problem(error, digits)
            found = self.by_code.get(code)
            return _result([found]) if found else SearchResult((), problem="search_unknown_code", problem_fields=(("code", code),))
        if len(digits) == 5:
            # a code without its check digit (01100 → 011002), or one whose leading zero Excel dropped (11002 → 011002)
            candidates = [digits + str(check_digit(digits)), "0" + digits]
            found = [self.by_code[code] for code in dict.fromkeys(candidates) if code in self.by_code]
            return _result(found) if found else SearchResult((), problem="search_no_match")
        if len(digits) > 6:
            return SearchResult((), problem="search_code_length")
        if len(digits) >= 2 and not 1 <= int(digits[:2]) <= 47:
            return SearchResult((), problem="search_prefecture_range", problem_fields=(("prefecture", digits[:2]),))
        # the start of a code: 13 → 東京都 and its municipalities, 1310 → the 特別区
        return _result([g for g in self.governments if g.code.startswith(digits)])


def _strip_query_suffix(query: str, folded: str) -> str:
    """The query without a typed 市/町/村/区 (or a separate romanised suffix word): 「輪島市」→ 輪島, "wajima city" → wajima."""
    if len(folded) > 2 and folded[-1] in "市区町村":
        return folded[:-1]
    roman = normalise(without_roman_suffix(query))
    return roman if roman and roman != folded else folded


def _result(found: list[Government]) -> SearchResult:
    if not found:
        return SearchResult((), problem="search_no_match")
    return SearchResult(tuple(found[:MAX_RESULTS]), more=max(0, len(found) - MAX_RESULTS))


def _code_problem(error: MunicipalityCodeError, digits: str) -> SearchResult:
    if error.reason == "bad_check_digit":
        return SearchResult((), problem="search_bad_check_digit", problem_fields=(("digit", str(error.expected_check_digit)),))
    if error.reason == "prefecture_out_of_range":
        return SearchResult((), problem="search_prefecture_range", problem_fields=(("prefecture", digits[:2]),))
    return SearchResult((), problem="search_no_match")
