"""A number as a clerk types it into the form: what it is, or what to type instead.

The form takes what a clerk means by a plain number however it is typed: with the digits of
the Chinese input method (１２３), grouped by commas (16,489, or １６，４８９). Anything else
(12万, 3200条, 约300, 三千) is refused with the number to type worked out where the text says
it for certain, and a number of more digits than any figure has is refused before it is
worked with.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from reportgen.data.messages import ADVICE_SCALE
from reportgen.data.written_numbers import number_advice
from reportgen.i18n import Message
from reportgen.serve.messages import (
    TYPE_DIGITS,
    TYPE_FEWER_DIGITS,
    TYPE_GROUPS_OF_THREE,
    TYPE_NUMBER_ALONE,
    TYPE_WHOLE_NUMBER,
)

#: The most digits a figure may have: far beyond any count or sum of money.
MAX_DIGITS = 20
#: A plain number; with an exponent as Python writes a tiny float back into the box (1e-05).
_PLAIN = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d{1,2})?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_COMMAS = re.compile(r"[+-]?[\d,]+(?:\.\d+)?")


class NotANumber(ValueError):
    """Raised for a typed text that is not a number; ``advice`` says what to type instead."""

    def __init__(self, advice: Message) -> None:
        super().__init__(advice)
        self.advice = advice


def read_typed_number(text: str) -> int | float | None:
    """Return the number ``text`` is, or None for an empty box; raise NotANumber otherwise."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if not plain:
        return None
    if _GROUPED.fullmatch(plain):
        plain = plain.replace(",", "")
    if not _PLAIN.fullmatch(plain):
        raise NotANumber(_advice(plain))
    digits = sum(char.isdigit() for char in plain)
    if digits > MAX_DIGITS:
        raise NotANumber(TYPE_FEWER_DIGITS(digits=digits, limit=MAX_DIGITS))
    number = Decimal(plain)
    return int(number) if number == number.to_integral() else float(number)


def _advice(plain: str) -> Message:
    """Return what to type in place of ``plain``, a text that is not a plain number."""
    if _COMMAS.fullmatch(plain):
        return TYPE_GROUPS_OF_THREE()
    advice = number_advice(plain) if len(plain) <= MAX_DIGITS * 2 else None
    number = advice.params.get("number") if advice is not None else None
    if advice is None or number is None or len(str(number)) > MAX_DIGITS + 1:
        return TYPE_DIGITS()
    if advice.kind == ADVICE_SCALE:
        return TYPE_WHOLE_NUMBER(text=plain, number=number, bare=plain[:-1].strip())
    return TYPE_NUMBER_ALONE(number=number)
