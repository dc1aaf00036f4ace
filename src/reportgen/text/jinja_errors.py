"""Jinja's errors in reportgen's words: a tag that cannot be read, a value that cannot be printed.

Jinja explains a syntax error in the terms of its parser (``expected token 'end of print
statement', got 'name'``) and a failed render in Python's (``'int' object is not iterable``).
Templates and the prose of data files both meet them; here each becomes a message a clerk
can act on, in either language. A message this module does not know is kept, quoted, in a
sentence of reportgen's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from reportgen.errors import InvalidValue, did_you_mean
from reportgen.i18n import Message
from reportgen.text.limits import LimitExceeded
from reportgen.text.messages import (
    BAD_CHARACTER,
    BAD_NAME,
    CANNOT_PRINT,
    CANNOT_STAND_HERE,
    DIVISION_BY_ZERO,
    ENDS_TOO_EARLY,
    EXPECTED_TOKEN,
    FILTER_NEEDS_MAPPING,
    FILTERS_THERE_ARE,
    INVISIBLE_CHARACTER,
    MISMATCHED_BRACKET,
    MISSING_ARGUMENT,
    NAME_AFTER_DOT,
    NESTED_TOO_DEEP,
    NO_ATTRIBUTE,
    NO_ELEMENT,
    NO_OTHER_TEMPLATES,
    NO_SUCH_FILTER,
    NO_SUCH_TEST,
    NOT_A_FUNCTION,
    NOT_A_LIST,
    NOT_A_NUMBER,
    NOT_ALLOWED,
    NOT_ALLOWED_ATTRIBUTE,
    RANGE_TOO_LONG,
    SYNTAX_OTHER,
    TAG_NAME_EXPECTED,
    TAG_UNFINISHED,
    TOKEN_BLOCK_END,
    TOKEN_COMMENT_END,
    TOKEN_END,
    TOKEN_LITERAL,
    TOKEN_NAME,
    TOKEN_NUMBER,
    TOKEN_PRINT_END,
    TOKEN_STRING,
    TOKEN_TEXT,
    TOO_MANY_ARGUMENTS,
    UNCLOSED_BLOCK,
    UNDEFINED_NAME,
    UNEXPECTED_TAG,
    UNKNOWN_TAG,
    VALUE_EXPECTED,
    WRONG_TYPES,
)

#: How Jinja names its tokens, and what a clerk calls them.
_TOKENS = {
    "end of print statement": TOKEN_PRINT_END,
    "end of statement block": TOKEN_BLOCK_END,
    "end of comment": TOKEN_COMMENT_END,
    "end of template": TOKEN_END,
    "name": TOKEN_NAME,
    "integer": TOKEN_NUMBER,
    "float": TOKEN_NUMBER,
    "string": TOKEN_STRING,
    "template data / text": TOKEN_TEXT,
}
_ENDS = {"end of print statement", "end of statement block", "end of comment", "end of template"}


def token(described: str) -> Message:
    """Return a token as Jinja describes it ('end of print statement', '|') in the clerk's words."""
    kind = _TOKENS.get(described)
    return kind() if kind is not None else TOKEN_LITERAL(text=described)


def _quoted_list(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


# Each rule: a pattern of Jinja's message, and how to word what it found.
_SYNTAX_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Message]]] = [
    (
        re.compile(r"unexpected end of template, expected '(.*)'\.?$"),
        lambda found: TAG_UNFINISHED(),
    ),
    (
        re.compile(r"expected token '(.*)', got '(.*)'$"),
        lambda found: EXPECTED_TOKEN(expected=token(found[1]), found=token(found[2])),
    ),
    (
        re.compile(r"unexpected '(.*)', expected '(.*)'$"),
        lambda found: MISMATCHED_BRACKET(found=token(found[1]), expected=token(found[2])),
    ),
    (
        # -- Jinja writes a character that does not print (U+200B, U+00AD) escaped: \u200b --
        re.compile(r"unexpected char '\\(?:x|u|U)([0-9a-fA-F]+)' at \d+$"),
        lambda found: INVISIBLE_CHARACTER(code=f"U+{int(found[1], 16):04X}"),
    ),
    (
        re.compile(r"unexpected char '(.*)' at \d+$"),
        lambda found: BAD_CHARACTER(char=TOKEN_LITERAL(text=found[1])),
    ),
    (
        re.compile(r"unexpected '(.*)'$"),
        lambda found: (ENDS_TOO_EARLY if found[1] in _ENDS else CANNOT_STAND_HERE)(
            found=token(found[1])
        ),
    ),
    (
        re.compile(r"Encountered unknown tag '(\w+)'\.(.*)", re.DOTALL),
        lambda found: _unknown_tag(found[1], found[2]),
    ),
    (
        re.compile(r"Unexpected end of template\.(.*)", re.DOTALL),
        lambda found: _unexpected_end(found[1]),
    ),
    (re.compile(r"tag name expected$"), lambda found: TAG_NAME_EXPECTED()),
    (
        re.compile(r"Expected an expression, got '(.*)'$"),
        lambda found: _value_expected(found[1]),
    ),
    (re.compile(r"expected name or number$"), lambda found: NAME_AFTER_DOT()),
    (re.compile(r"Invalid character in identifier$"), lambda found: BAD_NAME()),
    (
        re.compile(r"No filter named '(.*)'\.?$"),
        lambda found: NO_SUCH_FILTER(name=found[1], hint=""),
    ),
    (
        re.compile(r"No test named '(.*)'\.?$"),
        lambda found: NO_SUCH_TEST(name=found[1], hint=""),
    ),
]


def _unknown_tag(name: str, rest: str) -> Message:
    looking = re.search(r"(?:looking for the following tags|currently looking for):? (.*?)\.", rest)
    tags = _quoted_list(looking.group(1)) if looking else []
    if tags:
        # -- Jinja lists what may come next ('elif' or 'else' or 'endif'): name the end --
        closing = next((tag for tag in tags if tag.startswith("end")), tags[0])
        return UNEXPECTED_TAG(name=name, expected=f"{{% {closing} %}}")
    return UNKNOWN_TAG(name=name)


def _unexpected_end(rest: str) -> Message:
    innermost = re.search(r"innermost block that needs to be closed is '(\w+)'", rest)
    if innermost:
        return UNCLOSED_BLOCK(block=innermost.group(1))
    return TAG_UNFINISHED()


def _value_expected(found: str) -> Message:
    return (ENDS_TOO_EARLY if found in _ENDS else VALUE_EXPECTED)(found=token(found))


def syntax_message(text: str) -> Message:
    """Return Jinja's message of a syntax error (``err.message``) in reportgen's words."""
    text = text.strip()
    for pattern, explain in _SYNTAX_RULES:
        found = pattern.match(text)
        if found:
            return explain(found)
    return SYNTAX_OTHER(detail=text.rstrip("."))


def syntax_error_message(err: TemplateSyntaxError) -> Message:
    """Return a syntax error Jinja raised, in reportgen's words."""
    return syntax_message(err.message or "")


def unknown_filter(name: str, known: Iterable[str]) -> Message:
    """Return the message of a filter Jinja does not have, with the one probably meant.

    With none near it (a filter a docxtpl project defined in Python), reportgen's own are named.
    """
    hint = did_you_mean(name, known)
    if not hint:
        from reportgen.text.filters import FILTERS

        hint = FILTERS_THERE_ARE(filters=", ".join([*FILTERS, "picture"]))
    return NO_SUCH_FILTER(name=name, hint=hint)


def unknown_test(name: str, known: Iterable[str]) -> Message:
    """Return the message of a test (``is …``) Jinja does not have, with the one probably meant."""
    return NO_SUCH_TEST(name=name, hint=did_you_mean(name, known))


def render_error_message(err: BaseException) -> Message:
    """Return why a value could not be printed, from the error rendering raised."""
    if isinstance(err, InvalidValue):
        return err.message
    if isinstance(err, LimitExceeded):  # -- a bound of the sandbox: it says which --
        return err.detail
    if isinstance(err, UndefinedError):
        return _undefined(err.message or "")
    if isinstance(err, SecurityError):
        found = re.search(r"access to attribute '([^']*)'", str(err))
        return NOT_ALLOWED_ATTRIBUTE(name=found.group(1)) if found else NOT_ALLOWED()
    if isinstance(err, TemplateSyntaxError):
        return syntax_error_message(err)
    for kind, explained in _BY_KIND:
        if isinstance(err, kind):
            return explained(err)
    detail = str(err)
    for words, message in _PYTHON_WORDS:
        found = words.search(detail)
        if found:
            return message(found)
    return CANNOT_PRINT(detail=detail)


#: Python's errors a tag raises that say what went wrong by their kind alone.
_BY_KIND: list[tuple[type[BaseException], Callable[[BaseException], Message]]] = [
    (RecursionError, lambda _: NESTED_TOO_DEEP()),
    (ZeroDivisionError, lambda _: DIVISION_BY_ZERO()),
    # -- a filter's own code asked a record for a method (dictsort, xmlattr call .items()) --
    (AttributeError, lambda err: FILTER_NEEDS_MAPPING(name=getattr(err, "name", "") or err)),
]

#: Python's words for what went wrong in a tag, and what reportgen says instead.
_PYTHON_WORDS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Message]]] = [
    (re.compile(r"is not iterable"), lambda _: NOT_A_LIST()),
    (re.compile(r"object is not callable"), lambda _: NOT_A_FUNCTION()),
    (
        re.compile(r"Range too big.*?(\d+)\)"),
        lambda found: RANGE_TOO_LONG(limit=int(found[1])),
    ),
    (
        re.compile(r"unsupported operand|not supported between|concatenate|multiply sequence"),
        lambda _: WRONG_TYPES(),
    ),
    (
        re.compile(
            r"doesn't define __\w+__|bad operand type|cannot be interpreted as an int"
            # -- '%.2f' % text, '{:,}'.format(text): a number's format given text --
            r"|must be real number|a real number is required|Cannot specify ',' with 's'"
            r"|format code '\w' for object of type 'str'"
        ),
        lambda _: NOT_A_NUMBER(),
    ),
    # -- a filter's function is named do_replace(); a filter of reportgen's, by its name --
    (
        re.compile(r"(?:do_)?(\w+)\(\) missing \d+ required (?:positional )?arguments?: (.*)$"),
        lambda found: MISSING_ARGUMENT(name=found[1], arguments=found[2].replace("'", "")),
    ),
    (
        re.compile(r"(?:do_)?(\w+)\(\) takes .* but \d+ (?:was|were) given"),
        lambda found: TOO_MANY_ARGUMENTS(name=found[1]),
    ),
    (re.compile(r"no loader for this environment"), lambda _: NO_OTHER_TEMPLATES()),
]


def _undefined(text: str) -> Message:
    found = re.match(r"'(.*)' is undefined$", text)
    if found:
        return UNDEFINED_NAME(name=found.group(1))
    found = re.match(r"'.*' has no attribute '(.*)'$", text)
    if found:
        return NO_ATTRIBUTE(name=found.group(1))
    found = re.match(r"(?:'.*'|\w+ object) has no element (.*)$", text)
    if found:
        return NO_ELEMENT(index=found.group(1))
    return CANNOT_PRINT(detail=text)
