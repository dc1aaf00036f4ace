"""Break a long title into lines as GB/T 9704-2012 7.3.1 asks.

A title longer than a line is set on several, "词意完整，排列对称，长短适宜，间距恰当", in the
shape of a trapezoid (each line longer than the one above, or each shorter) or a diamond
(longest in the middle). Lines break only between words, found with the dictionary of
jieba (through rjieba, its Rust port: MIT, a 3.7 MB wheel, loaded only for a title that
needs breaking); a punctuation mark stays with the word it belongs to, and no line holds a
single character.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from reportgen.memo import library_stamp, remembered

#: 2号 characters (22 pt) in the 442.25 pt text block: 20 fit, 21 do not.
TITLE_LINE = 20
#: Marks that end a word and stay on its line (、，。” …), and marks that open one (“ 《 （).
_CLOSING = set("，。、；：？！”’）》〕】…—")
_OPENING = set("“‘（《〔【")
#: The most lines tried: a title of three lines is already long.
_MOST_LINES = 4
#: Between the words of a title kept in the memo: a character no text in a document holds.
_SEPARATOR = "\x00"


def text_width(text: str) -> float:
    """Return the width of ``text`` in characters: a Chinese one counts 1, a digit or letter ½."""
    return sum(1.0 if ord(char) >= 0x2E80 else 0.5 for char in text)


def title_lines(title: str, per_line: float = TITLE_LINE) -> str:
    """Return ``title`` with a line break between the lines GB/T 9704 7.3.1 sets it on."""
    unescape = getattr(title, "unescape", None)
    if unescape is not None:
        # -- a {% filter %} block's output is XML-escaped already: break its text, not its
        #    escapes (a break inside &amp; would break the XML), and escape the lines again --
        from markupsafe import Markup, escape

        text = unescape()
        if "<w:" in text:  # -- a picture or a run of XML printed in the title: left whole --
            return title
        return Markup("\n").join(escape(line) for line in break_title(text, per_line))
    return "\n".join(break_title(str(title), per_line))


def break_title(title: str, per_line: float = TITLE_LINE) -> list[str]:
    """Return the lines of ``title``: whole words, no line of one character, a good shape.

    The shape is a trapezoid or a diamond; a title that fits on one line is one line.
    """
    title = title.strip()
    if text_width(title) <= per_line:
        return [title]
    words = _words(title)
    fewest = math.ceil(text_width(title) / per_line)
    for count in range(fewest, min(fewest + 2, _MOST_LINES) + 1):
        best = _best_split(words, count, per_line)
        if best is not None:
            return best
    return _by_width(title, per_line)  # -- a single word longer than a line --


def _words(title: str) -> list[str]:
    """Return the words of ``title``, each punctuation mark and number joined to its word."""
    if _SEPARATOR in title:  # -- no title has one; one that did would not split back --
        return _joined(_tokens(title))
    # -- the same title's words every render: loading the dictionary took a tenth of one --
    key = f"title words\n{library_stamp('rjieba')}\n{title}".encode("utf-8", "surrogatepass")
    kept = remembered(key, lambda: _SEPARATOR.join(_tokens(title)).encode("utf-8", "surrogatepass"))
    return _joined(kept.decode("utf-8", "surrogatepass").split(_SEPARATOR))


def _tokens(title: str) -> list[str]:
    """Return ``title`` cut into the words of rjieba's dictionary."""
    import rjieba  # a dictionary of 350,000 words: only for a title that needs breaking

    return list(rjieba.cut(title))


def _joined(tokens: list[str]) -> list[str]:
    """Return ``tokens`` with each punctuation mark and number joined to its word."""
    words: list[str] = []
    pending = ""
    for token in tokens:
        # -- an opening mark, and a number, which is read with what it counts (2023年) --
        if all(char in _OPENING for char in token) or token.isascii() and token.isalnum():
            pending += token
        elif words and all(char in _CLOSING for char in token):
            words[-1] += token
        else:
            words.append(pending + token)
            pending = ""
    if pending:
        words.append(pending)
    return words


def _best_split(words: Sequence[str], count: int, per_line: float) -> list[str] | None:
    """Return the most even split of ``words`` into ``count`` lines of a good shape, or None."""
    best: tuple[float, list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(words)), count - 1):
        bounds = (0, *cuts, len(words))
        lines = ["".join(words[start:end]) for start, end in itertools.pairwise(bounds)]
        widths = [text_width(line) for line in lines]
        if max(widths) > per_line or min(widths) <= 1 or not _is_shapely(widths):
            continue
        mean = sum(widths) / count
        # -- the most even; of two alike, the one whose lines grow downwards (正梯形) --
        score = sum((width - mean) ** 2 for width in widths) + (
            0.1 if widths[0] > widths[-1] else 0
        )
        if best is None or score < best[0]:
            best = (score, lines)
    return None if best is None else best[1]


def _is_shapely(widths: Sequence[float]) -> bool:
    """Return whether the line widths make a trapezoid (either way up) or a diamond."""
    rising = all(a <= b for a, b in itertools.pairwise(widths))
    falling = all(a >= b for a, b in itertools.pairwise(widths))
    if rising or falling:
        return True
    peak = widths.index(max(widths))
    return all(a <= b for a, b in itertools.pairwise(widths[: peak + 1])) and all(
        a >= b for a, b in itertools.pairwise(widths[peak:])
    )


def _by_width(title: str, per_line: float) -> list[str]:
    """Return ``title`` cut into lines of at most ``per_line``: for a word longer than a line."""
    lines, line = [], ""
    for char in title:
        if text_width(line + char) > per_line:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines
