"""全国地方公共団体コード (JIS X 0402): validation and normalisation.

A code is 6 digits: 2 for the prefecture (01–47), 3 for the municipality
(000 for the prefecture itself) and 1 check digit over the first five.
"""

from __future__ import annotations

import math
import re
from typing import Any

__all__ = ["MunicipalityCodeError", "check_digit", "normalise_municipality_code"]

_WEIGHTS = (6, 5, 4, 3, 2)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_SHOW_MAX = 20


class MunicipalityCodeError(ValueError):
    """An invalid municipality code.

    ``reason`` is one of ``empty``, ``not_digits``, ``wrong_length``,
    ``prefecture_out_of_range`` or ``bad_check_digit``; ``expected_check_digit``
    is set for the last.
    """

    def __init__(
        self,
        reason: str,
        message_ja: str,
        message_en: str,
        expected_check_digit: int | None = None,
    ) -> None:
        super().__init__(f"{message_en} / {message_ja}")
        self.reason = reason
        self.message_ja = message_ja
        self.message_en = message_en
        self.expected_check_digit = expected_check_digit


def is_prefecture_code(code: str) -> bool:
    """A normalised six-digit code of a prefecture itself: its digits 3–5 are 000 (13000x 東京都)."""
    return code[2:5] == "000"


def check_digit(first_five: str) -> int:
    """Return the check digit for the first five digits of a code."""
    if not (isinstance(first_five, str) and re.fullmatch(r"[0-9]{5}", first_five)):
        shown = _show(first_five)
        raise MunicipalityCodeError(
            "not_digits",
            f"検査数字の計算には5桁の数字が必要です（「{shown}」）。",
            f"The check digit needs exactly five digits (got “{shown}”).",
        )
    total = sum(w * int(d) for w, d in zip(_WEIGHTS, first_five))
    return (11 - total % 11) % 10


def normalise_municipality_code(raw: Any) -> str:
    """Return the 6-digit code for ``raw`` or raise ``MunicipalityCodeError``.

    Accepts ints, surrounding spaces, full-width digits, a trailing ``.0``
    (Excel floats) and 5 digits (Excel dropped the leading zero).
    """
    text = _as_text(raw)
    if text == "":
        raise MunicipalityCodeError("empty", "団体コードが空です。", "The municipality code is empty.")
    shown = _show(text)
    if not re.fullmatch(r"[0-9]+", text):
        raise MunicipalityCodeError(
            "not_digits",
            f"団体コード「{shown}」に数字以外の文字が含まれています。",
            f"The municipality code “{shown}” contains characters other than digits.",
        )
    if len(text) == 6:
        _raise_if_invalid(text)
        return text
    if len(text) == 5:
        padded = "0" + text
        try:
            _raise_if_invalid(padded)
        except MunicipalityCodeError as err:
            raise _with_five_digit_hint(err, text) from None
        return padded
    raise MunicipalityCodeError(
        "wrong_length",
        f"団体コード「{shown}」は{len(text)}桁です。6桁（先頭の0が消えた場合は5桁）で入力してください。",
        f"The municipality code “{shown}” has {len(text)} digits; "
        "enter 6 digits (or 5 if the leading zero was lost).",
    )


def half_width_digits(text: str) -> str:
    """Full-width digits (and point) as ASCII, as codes typed with a Japanese input method come: 「１７」 → "17"."""
    return text.translate(_FULL_WIDTH)


def _as_text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)  # not a code; reported as "not digits"
    if isinstance(raw, float):
        if math.isnan(raw):
            return ""
        return str(int(raw)) if raw.is_integer() else repr(raw)
    text = half_width_digits(str(raw)).strip()
    # Excel turns 011002 into the float 11002.0.
    return re.sub(r"(?<=[0-9])\.0+$", "", text)


def _raise_if_invalid(code: str) -> None:
    prefecture = int(code[:2])
    if not 1 <= prefecture <= 47:
        raise MunicipalityCodeError(
            "prefecture_out_of_range",
            f"団体コード「{code}」の都道府県番号「{code[:2]}」は01〜47の範囲外です。",
            f"The prefecture number “{code[:2]}” in municipality code “{code}” is outside 01–47.",
        )
    expected = check_digit(code[:5])
    if int(code[5]) != expected:
        raise MunicipalityCodeError(
            "bad_check_digit",
            f"団体コード「{code}」の検査数字が正しくありません（末尾は{expected}のはずです）。",
            f"The check digit of municipality code “{code}” is wrong "
            f"(the last digit should be {expected}).",
            expected_check_digit=expected,
        )


def _with_five_digit_hint(err: MunicipalityCodeError, five: str) -> MunicipalityCodeError:
    """Mention the other reading of a 5-digit code: without its check digit."""
    candidate = five + str(check_digit(five))
    try:
        _raise_if_invalid(candidate)
    except MunicipalityCodeError:
        return err
    return MunicipalityCodeError(
        err.reason,
        err.message_ja + f"検査数字のない5桁のコードであれば「{candidate}」です。",
        err.message_en + f" If “{five}” is a 5-digit code without its check digit, "
        f"the full code is “{candidate}”.",
        err.expected_check_digit,
    )


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= _SHOW_MAX else text[:_SHOW_MAX] + "…"
