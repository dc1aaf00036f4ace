"""The words reportgen prints, in the user's language: Simplified Chinese or English.

Every sentence reportgen shows a person is declared once, as a :class:`MessageKind` with a
stable code and its text in both languages side by side, so a reviewer sees that the two
say the same thing::

    UNKNOWN_FIELD = MessageKind(
        "data.unknown-field",
        en="unknown field '{key}'{hint}",
        zh="没有“{key}”这个字段{hint}",
    )
    problem = Problem(UNKNOWN_FIELD(key="titel", hint=...), file=path, line=4)

Calling a kind gives a :class:`Message`: the code and its parameters, worded only when
printed, in the language chosen then. Parameters are worded too: a nested message in the
same language, a list joined as the language joins lists, a date as the report prints it.
English plurals are written ``{count} {count:file|files}``. Numbers are printed as the
report prints them (``16489``, ``35.1``: no exponent, no trailing ``.0``), and any value that
knows how to word itself (a :class:`Worded`, such as a place in a template) does so.
Each stage keeps its kinds in a ``messages.py`` of its own; a test checks that every code
is unique and that both texts use the same parameters.

The language is the process's: :func:`set_language` chooses it (the command line does, from
``REPORTGEN_LANG``), and until then it is the system's (:func:`system_language`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import string
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import Any, Literal, Protocol, runtime_checkable

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

#: Every kind of message declared, by code: codes are unique, and tests walk them all.
CATALOGUE: dict[str, MessageKind] = {}

_language: Language | None = None


def system_language(environ: Mapping[str, str] | None = None) -> Language:
    """Return zh when the system's language is a Chinese one (zh_CN, zh_TW, …), else en.

    On Windows the language of the user interface decides; elsewhere the locale variables,
    in the order the C library reads them (LC_ALL, LC_MESSAGES, LANG), after GNU's LANGUAGE.
    """
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if variable == "LANGUAGE" and _locale_is_c(environ):
            continue  # -- gettext too ignores LANGUAGE under the C locale --
        if value:
            return parse_language(value.split(":")[0]) or "en"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return "zh" if _windows_ui_language().lower().startswith("zh") else "en"
    return "en"


def _locale_is_c(environ: Mapping[str, str]) -> bool:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return value.split(".")[0] in ("C", "POSIX")
    return False


def _windows_ui_language() -> str:  # pragma: no cover - Windows only
    import ctypes

    language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    import locale

    return str(locale.windows_locale.get(language_id, ""))


def parse_language(value: str) -> Language | None:
    """Return the language ``value`` names (zh, zh_CN.UTF-8, en, C, …), or None if none.

    Windows names locales in words (``Chinese (Simplified)_China.936``), so does Python there.
    """
    lowered = value.strip().lower()
    if lowered.startswith(("zh", "chinese")):
        return "zh"
    if lowered.startswith("en") or lowered in ("c", "posix"):
        return "en"
    return None


def set_language(language: Language | None) -> None:
    """Print every message from now on in ``language`` (None: the system's again)."""
    global _language
    _language = language


@contextlib.contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Print every message in ``language`` while the block runs, then as before."""
    global _language
    before = _language
    _language = language
    try:
        yield
    finally:
        _language = before


def current_language() -> Language:
    """Return the language messages are printed in now."""
    if _language is None:
        return system_language()
    return _language


@runtime_checkable
class Worded(Protocol):
    """A value that words itself in a language: a message, a place in a template, a period."""

    def worded(self, language: Language) -> str:
        """Return the value as a message prints it in ``language``."""
        ...


class MessageKind:
    """One kind of message: a stable code and its text in each language, with {parameters}.

    Messages are plain classes, not dataclasses: making a dataclass takes about half a
    millisecond, and every run of reportgen imports these.
    """

    __slots__ = ("code", "en", "zh")

    def __init__(self, code: str, en: str, zh: str) -> None:
        self.code = code
        self.en = en
        self.zh = zh
        known = CATALOGUE.get(code)
        if known is not None and known != self:
            raise ValueError(f"message code {code!r} is declared twice")
        CATALOGUE[code] = self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MessageKind):
            return NotImplemented
        return (self.code, self.en, self.zh) == (other.code, other.en, other.zh)

    def __hash__(self) -> int:
        return hash((self.code, self.en, self.zh))

    def __repr__(self) -> str:
        return f"MessageKind(code={self.code!r}, en={self.en!r}, zh={self.zh!r})"

    def __call__(self, **params: Any) -> Message:
        """Return this message with its parameters."""
        return Message(self, params)

    def parameters(self, language: Language) -> set[str]:
        """Return the names of the parameters the text in ``language`` prints.

        A parameter that only chooses a plural (``{count:file|files}``) is not printed:
        Chinese has no plurals, so its text need not use it.
        """
        text = self.zh if language == "zh" else self.en
        return {
            name
            for _, name, spec, _ in string.Formatter().parse(text)
            if name and "|" not in (spec or "")
        }


class Message:
    """A message with its parameters, worded when it is printed."""

    __slots__ = ("kind", "params")

    def __init__(self, kind: MessageKind, params: Mapping[str, Any] | None = None) -> None:
        self.kind = kind
        self.params: Mapping[str, Any] = params if params is not None else {}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.kind, self.params) == (other.kind, other.params)

    def __repr__(self) -> str:
        return f"Message(kind={self.kind!r}, params={self.params!r})"

    @property
    def code(self) -> str:
        """Return the message's stable code, such as ``data.unknown-field``."""
        return self.kind.code

    def text(self, language: Language | None = None) -> str:
        """Return the message in ``language`` (default: the current one)."""
        language = language or current_language()
        template = self.kind.zh if language == "zh" else self.kind.en
        return _Formatter(language).vformat(template, (), _Missing(self.params))

    def worded(self, language: Language) -> str:
        """Return the message in ``language``, as a parameter of another message."""
        return self.text(language)

    def __str__(self) -> str:
        return self.text()

    def __hash__(self) -> int:
        return hash((self.kind.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))


class _Missing(dict[str, Any]):
    # A parameter the call did not give prints as its name in braces, never a KeyError:
    # a message must always be printable, and the catalogue test finds the mistake.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Formatter(string.Formatter):
    """Words each parameter in the language; ``{count:file|files}`` picks a form by number."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, many = format_spec.partition("|")
            return one if value == 1 else many
        return word(value, self.language)


def word(value: Any, language: Language | None = None) -> str:
    """Return ``value`` as a message prints it in ``language``."""
    language = language or current_language()
    if isinstance(value, str):
        return value
    if isinstance(value, Worded):
        return value.worded(language)
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, bool):
        return ("是" if value else "否") if language == "zh" else ("yes" if value else "no")
    if isinstance(value, float | Decimal):
        return number_text(value)
    if isinstance(value, dt.date):
        if language == "zh":
            return f"{value.year}年{value.month}月{value.day}日"
        return value.isoformat()
    if isinstance(value, Sequence | set | frozenset):
        items = [word(item, language) for item in value]
        return ("、" if language == "zh" else ", ").join(items)
    return str(value)


def number_text(value: float | Decimal) -> str:
    """Return a number as the report prints it: 3.0 → 3, 0.1 + 0.2 → 0.3, never 1e-05."""
    number = Decimal(repr(value)) if isinstance(value, float) else value
    if not number.is_finite():
        return str(value)
    if number == number.to_integral_value():
        return str(int(number))
    # -- a float's sum such as 0.30000000000000004 is printed as the report would round it --
    with contextlib.suppress(InvalidOperation):  # more digits than a Decimal holds: keep all
        number = number.quantize(Decimal("1e-10"))
    return format(number.normalize(), "f")


def display_width(text: str) -> int:
    """Return how many columns ``text`` fills on a terminal: a Chinese character fills two."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def text_of(value: Worded | str, language: Language | None = None) -> str:
    """Return a message (or any worded value), or a plain string, in ``language``."""
    if isinstance(value, str):
        return value
    return value.worded(language or current_language())
