"""Numbers as clerks write them in text: what each one means, and what to write instead.

A clerk types a figure as it is printed or as it was sent to them: ``16,489``, ``１２``, ``35%``,
``1.2万``, ``约300``, ``5795条``, ``五千七百``, or a number in quotes. A data file holds a bare
number, so each of these is refused; :func:`number_advice` says what to write in its place, with
the number worked out where the text says it for certain. A cell of a sheet that holds a
number as text (Excel's "number stored as text", which shows like a number) is read as that
number by :func:`read_number`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from reportgen.data.messages import (
    ADVICE_DIGITS,
    ADVICE_DIGITS_OF,
    ADVICE_HALF_WIDTH,
    ADVICE_PERCENT,
    ADVICE_QUALIFIER,
    ADVICE_QUOTES,
    ADVICE_SCALE,
    ADVICE_SEPARATORS,
    ADVICE_UNIT,
)
from reportgen.i18n import Message

_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_PERCENT = re.compile(_NUMBER + r"\s*%")
_SCALED = re.compile(_NUMBER + r"\s*([万亿])")
_BEFORE = re.compile(r"([近约])\s*" + _NUMBER)
_AFTER = re.compile(_NUMBER + r"\s*([多余])")
_UNIT = re.compile(_NUMBER + r"\s*([^\d\s,.%][^\d]{0,5})")
_DIGITS = {
    "零": 0,
    "〇": 0,
    "两": 2,
    **{char: index for index, char in enumerate("零一二三四五六七八九")},
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
_SCALES = {"万": 10_000, "亿": 100_000_000}
#: The advice that holds for any number, not only for a figure's.
_PLAIN_ADVICE = (
    ADVICE_QUOTES,
    ADVICE_HALF_WIDTH,
    ADVICE_SEPARATORS,
    ADVICE_DIGITS_OF,
    ADVICE_DIGITS,
)


def read_number(text: str) -> int | float | None:
    """Return the number ``text`` holds as a sheet shows it (``16,489``, ``１２``), or None."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if _GROUPED.fullmatch(plain):
        plain = plain.replace(",", "")
    if not _PLAIN.fullmatch(plain):
        return None
    return _number(plain)


def number_advice(text: str) -> Message | None:
    """Return what to write in place of ``text``, a number a clerk wrote, or None if unknown.

    Digits alone in a text were written in quotes: YAML reads bare digits as a number.
    """
    stripped = text.strip()
    plain = unicodedata.normalize("NFKC", stripped)
    if _PLAIN.fullmatch(plain):
        number = _without_leading_zeros(plain)
        return (
            ADVICE_HALF_WIDTH(number=number) if plain != stripped else ADVICE_QUOTES(number=number)
        )
    if _GROUPED.fullmatch(plain):
        return ADVICE_SEPARATORS(number=plain.replace(",", ""))
    if all(char in _DIGITS or char in _SMALL_UNITS or char in _LARGE_UNITS for char in plain):
        return _numeral_advice(plain)
    return _worded_advice(plain)


def plain_number_advice(text: str) -> Message | None:
    """Return what to write in place of ``text`` when it is a plain number written as text.

    That is digits in quotes, full-width, with thousands separators or as Chinese numerals: the
    advice for a clerk's own field. A percentage, a scale, a qualifier or a unit is advised in
    the words of a figure's fields, which a clerk's own field does not have.
    """
    advice = number_advice(text)
    return advice if advice is not None and advice.kind in _PLAIN_ADVICE else None


def _worded_advice(plain: str) -> Message | None:
    """Return the advice for a number written with a sign, a scale, a qualifier or a unit."""
    if found := _PERCENT.fullmatch(plain):
        return ADVICE_PERCENT(number=_bare(found[1]))
    if found := _SCALED.fullmatch(plain):
        whole = Decimal(_bare(found[1])) * _SCALES[found[2]]
        return ADVICE_SCALE(number=_shown(whole), scale=found[2])
    if found := _BEFORE.fullmatch(plain):
        return ADVICE_QUALIFIER(number=_bare(found[2]), qualifier=found[1])
    if found := _AFTER.fullmatch(plain):
        return ADVICE_QUALIFIER(number=_bare(found[1]), qualifier=found[2])
    if found := _UNIT.fullmatch(plain):
        return ADVICE_UNIT(number=_bare(found[1]), unit=found[2].strip())
    return None


def _numeral_advice(numerals: str) -> Message:
    """Return the advice for Chinese numerals: their number when it is read for certain."""
    from reportgen.text.filters import cn_numeral

    value = _numeral_value(numerals)
    canonical = numerals.replace("两", "二").replace("〇", "零")
    if value is not None and cn_numeral(value) == canonical:
        return ADVICE_DIGITS_OF(number=value)
    return ADVICE_DIGITS()  # -- 三万五, 二〇二三: digits are meant, but which is not certain --


def _numeral_value(numerals: str) -> int | None:
    """Return the number that Chinese numerals in their full form stand for."""
    total = section = digit = 0
    for char in numerals:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[char]
            digit = 0
        else:
            total += (section + digit) * _LARGE_UNITS[char]
            section = digit = 0
    value = total + section + digit
    return value or None


def _without_leading_zeros(number: str) -> str:
    """Return ``number`` (digits, perhaps a sign and a point) as it is best written: 015 is 15."""
    # -- a YAML 1.1 reader takes 015 for octal 13 --
    sign, digits = (number[0], number[1:]) if number[0] in "+-" else ("", number)
    whole, point, fraction = digits.partition(".")
    return f"{sign}{whole.lstrip('0') or '0'}{point}{fraction}"


def _bare(number: str) -> str:
    return number.replace(",", "")


def _shown(number: Decimal) -> str:
    return format(number.normalize(), "f") if number != number.to_integral() else str(int(number))


def _number(plain: str) -> int | float | None:
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral() and "." not in plain else float(value)
