"""Values that stand in for data that could not be read.

A report with a problem is never rendered, yet its template is still checked against the names
its data declares, so that one run lists every problem. Where a value failed its check (a figure
written as text, a part file that does not parse), :class:`Unknown` takes its place: it has every
field, prints nothing, and every filter passes it through, so the checks and the prose name no
problem that is only the echo of one reported already.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportgen.text.printing import Printable


class Unknown(Printable):
    """A value the data declares but that could not be read; any field of it is there too."""

    #: Filters pass through a value that awaits its data, as they do a figure still to enter.
    missing = True

    def __getattr__(self, key: str) -> Unknown:
        if key.startswith("_"):
            raise AttributeError(key)
        return self

    def __getitem__(self, key: Any) -> Unknown:
        return self

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""

    def _same(self, *_: Any) -> Unknown:
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same
    __truediv__ = __rtruediv__ = __floordiv__ = __mod__ = __neg__ = __call__ = _same
