"""English names: the kana romanised (Hepburn without macrons) into data/municipal/names_en.csv, then corrected.

Run `python -m etl.governments.romanise` after the list of governments changes. The build reads the generated file
(pykakasi takes seconds to load its dictionaries, too slow for every build); a test checks the file is current.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

NAMES_EN = "names_en.csv"
# Suffix kana → English suffix; the kana, not the kanji, says whether 町 is まち or ちょう and 村 むら or そん.
SUFFIXES = {"市": {"し": "shi"}, "区": {"く": "ku"}, "町": {"ちょう": "cho", "まち": "machi"}, "村": {"むら": "mura", "そん": "son"}}
# Long vowels lose their second letter (Tōkyō → Tokyo): oo, ou, uu, read left to right (おおうち → ouchi, not ochi).
LONG_VOWEL = re.compile(r"o[ou]|uu")


def _converter():
    import pykakasi  # imported here: only this generator and its test need it
    return pykakasi.kakasi()


def romanise(name_ja: str, kana: str, converter) -> str:
    suffix_kana, suffix_en = next(((k, e) for k, e in SUFFIXES.get(name_ja[-1], {}).items() if kana.endswith(k)), ("", ""))
    stem = kana[: len(kana) - len(suffix_kana)]
    # ん before や・ゆ・よ takes an apostrophe (せんよう → sen'yo); pykakasi adds it only before vowels.
    parts = re.split(r"(?<=ん)(?=[やゆよ])", stem)
    roman = "'".join("".join(token["hepburn"] for token in converter.convert(part)) for part in parts)
    roman = LONG_VOWEL.sub(lambda match: match.group(0)[0], roman)
    roman = roman[:1].upper() + roman[1:]
    return f"{roman}-{suffix_en}" if suffix_en else roman


def generate(municipalities: pd.DataFrame) -> pd.DataFrame:
    converter = _converter()
    return pd.DataFrame(dict(government_code=municipalities.government_code, name_ja=municipalities.name_ja,
                             name_kana=municipalities.name_kana,
                             name_en=[romanise(n, k, converter) for n, k in zip(municipalities.name_ja, municipalities.name_kana)]))


def main(data_dir: Path = Path(__file__).resolve().parents[2] / "data") -> int:
    from etl.governments.local_governments import MUNICIPALITIES, MUNICIPALITY_COLUMNS, read_source_csv
    listed = read_source_csv(data_dir, MUNICIPALITIES, MUNICIPALITY_COLUMNS)
    munis = listed[~listed.city.str.contains(" ")]
    frame = generate(pd.DataFrame(dict(government_code=munis.lgcode, name_ja=munis.city, name_kana=munis.citykana))
                     .sort_values("government_code"))
    frame.to_csv(data_dir / "municipal" / NAMES_EN, index=False)
    print(f"wrote {len(frame)} names to data/municipal/{NAMES_EN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
