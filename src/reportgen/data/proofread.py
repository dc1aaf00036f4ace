"""Proofread what the data says, as a reviewer of a 公文 would, and warn; never stop a render.

The checks read the report's own words once they are rendered (figures filled in):

- 序号 that jump or repeat: 一是、二是、四是 within a paragraph, or paragraphs opening with
  一、 (一) 1. (1) whose numbers do not run 1, 2, 3 within a part;
- a mention of 附件 that the attachments contradict: 附件 with no attachment, 附件2 with one;
- a title ending in a punctuation mark (GB/T 9704 7.3.1 sets titles without one);
- a year written two ways: 2023年 here and 二〇二三年 (or ２０２３年) there;
- a 成文日期 before the period ends, in a report that looks back on the period.

Each warning names the file, line and field of the words it is about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from reportgen.data.messages import (
    ATTACHMENT_MISSING,
    ATTACHMENT_NUMBER,
    DATED_BEFORE_PERIOD,
    NUMBERING_JUMPS,
    NUMBERING_REPEATS,
    TITLE_PUNCTUATION,
    YEAR_TWO_WAYS,
)
from reportgen.errors import Problem
from reportgen.i18n import Message

if TYPE_CHECKING:
    from reportgen.data.yaml_source import Path_, SourceFile

_NUMERALS = "一二三四五六七八九十"
#: 一是 … 二是 …, after the start or a punctuation mark: not 不是, 就是, 还是.
_ORDINAL = re.compile(rf"(?:^|(?<=[，。；：、！？]))([{_NUMERALS}]{{1,3}})是")
#: The markers a paragraph may open with, by kind: 一、 （一） 1. （1）.
_OPENERS = {
    "一、": re.compile(rf"^([{_NUMERALS}]{{1,3}})、"),
    "（一）": re.compile(rf"^[（(]([{_NUMERALS}]{{1,3}})[）)]"),
    "1.": re.compile(r"^(\d{1,2})[.．](?!\d)"),
    "（1）": re.compile(r"^[（(](\d{1,2})[）)]"),
}
_ATTACHMENT = re.compile(r"附件\s*([1-9一二三四五六七八九])?")
_TITLE_END = set("。，、；：！？.,;:!?")
#: A year, as Arabic digits, Chinese numerals or full-width digits, before 年.
_YEARS = {
    "arabic": re.compile(r"(?<![\d０-９])((?:19|20)\d\d)年"),
    "chinese": re.compile(r"([〇○零一二三四五六七八九]{4})年"),
    "full-width": re.compile(r"(?<![\d０-９])([１２][０-９]{3})年"),
}


class Passage(NamedTuple):
    """Words of the report as rendered, and where they are written in the data."""

    text: str
    source: SourceFile
    path: Path_
    field: str

    def warning(self, message: Message) -> Problem:
        """Return a warning about this passage, at its line."""
        problem = self.source.problem(message, self.path, self.field)
        return problem._replace(severity="warning")


class ReportWords(NamedTuple):
    """What proofreading reads: the title, the date, the period, and every passage by part."""

    title: Passage
    date: Passage
    dated: dt.date
    period_end: int | None
    #: The passages of the opening, then of each part, one list each, in order.
    sections: Sequence[Sequence[Passage]]
    attachments: int
    #: Whether the report looks back on its period (a work report), or ahead (a 通知).
    looks_back: bool


def proofread(words: ReportWords) -> list[Problem]:
    """Return a warning for each slip the report's words show."""
    passages = [passage for section in words.sections for passage in section]
    warnings = list(_title(words.title))
    for section in words.sections:
        warnings += _openers(section)
    for passage in passages:
        warnings += _ordinals(passage)
        warnings += _attachments(passage, words.attachments)
    warnings += _years([words.title, *passages])
    warnings += _date(words)
    return warnings


def numbering_slip(numbers: Sequence[int]) -> tuple[str, int, int] | None:
    """Return ("jumps"/"repeats", the number expected, the number found) at the first slip."""
    for expected, found in enumerate(numbers, start=1):
        if found != expected:
            return ("repeats" if found < expected else "jumps"), expected, found
    return None


def chinese_number(text: str) -> int:
    """Return the value of a Chinese numeral up to 九十九: 三 → 3, 十二 → 12, 二十 → 20."""
    digits = {char: index for index, char in enumerate("一二三四五六七八九", start=1)}
    if "十" not in text:
        return digits.get(text, 0)
    tens, _, ones = text.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def _slip_message(marker: str, slip: tuple[str, int, int]) -> Message:
    kind, expected, found = slip
    message = NUMBERING_JUMPS if kind == "jumps" else NUMBERING_REPEATS
    return message(marker=marker, expected=expected, found=found)


def _ordinals(passage: Passage) -> Iterator[Problem]:
    numbers = [chinese_number(match.group(1)) for match in _ORDINAL.finditer(passage.text)]
    slip = numbering_slip(numbers) if len(numbers) > 1 else None
    if slip is not None:
        yield passage.warning(_slip_message("一是、二是", slip))


def _openers(section: Sequence[Passage]) -> Iterator[Problem]:
    for marker, pattern in _OPENERS.items():
        numbered = [
            (passage, match.group(1))
            for passage in section
            if (match := pattern.match(passage.text)) is not None
        ]
        numbers = [
            int(value) if value.isdigit() else chinese_number(value) for _, value in numbered
        ]
        slip = numbering_slip(numbers)
        if slip is not None:
            # -- at the paragraph whose number is wrong --
            yield numbered[slip[1] - 1][0].warning(_slip_message(marker, slip))


def _attachments(passage: Passage, attachments: int) -> Iterator[Problem]:
    for match in _ATTACHMENT.finditer(passage.text):
        number = match.group(1)
        if not attachments:
            yield passage.warning(ATTACHMENT_MISSING())
            return
        value = int(number) if number and number.isdigit() else chinese_number(number or "")
        if value > attachments:
            yield passage.warning(ATTACHMENT_NUMBER(number=value, count=attachments))
            return


def _title(title: Passage) -> Iterator[Problem]:
    text = title.text.strip()
    if text and text[-1] in _TITLE_END:
        yield title.warning(TITLE_PUNCTUATION(mark=text[-1]))


def _years(passages: Sequence[Passage]) -> Iterator[Problem]:
    first: dict[str, tuple[Passage, str]] = {}
    counts: dict[str, int] = {}
    for passage in passages:
        for form, pattern in _YEARS.items():
            matches = pattern.findall(passage.text)
            if matches:
                counts[form] = counts.get(form, 0) + len(matches)
                first.setdefault(form, (passage, f"{matches[0]}年"))
    if len(first) > 1:
        # -- the way most years are written is the report's; the first other one is the slip --
        usual = max(counts, key=lambda form: counts[form])
        other = next(form for form in first if form != usual)
        passage, written = first[other]
        yield passage.warning(YEAR_TWO_WAYS(here=written, elsewhere=first[usual][1]))


def _date(words: ReportWords) -> Iterator[Problem]:
    if words.period_end is None or not words.looks_back:
        return
    # -- a report on a period is often written during its last year (the five-year report
    # on 2019-2023 is dated 2023-04-19); a date before that year is last period's, left --
    if words.dated < dt.date(words.period_end, 1, 1):
        yield words.date.warning(DATED_BEFORE_PERIOD(date=words.dated, end=words.period_end))
