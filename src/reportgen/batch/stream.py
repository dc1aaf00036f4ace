"""Send a batch's rows out in chunks, a bounded number at a time, and take them back in order.

Both ways of rendering rows elsewhere (worker processes here, a Dask cluster) work alike:
read the next chunk of the plan only when one comes back, so that memory does not grow
with the table, and give each row's outcome in the table's order, so that the files are
told in that order. A chunk whose worker stopped gives :class:`Lost` for each of its rows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from reportgen.batch.plan import PlanItem, Task
from reportgen.batch.rows import Lost, Outcome

Handle = TypeVar("Handle")


class ChunkStream(Generic[Handle]):
    """The plan's items in chunks of up to ``chunk`` tasks, ``window`` chunks out at once."""

    def __init__(self, plan: Iterable[PlanItem], chunk: int, window: int) -> None:
        self.plan = iter(plan)
        self.chunk = chunk
        self.window = window
        self.stopped = False
        #: The chunks sent and not yet taken back, oldest first, with what stands for each.
        self.pending: deque[tuple[list[PlanItem], Handle]] = deque()

    def stop(self) -> None:
        """Send no more rows; those sent still come back."""
        self.stopped = True

    def ordered(
        self,
        submit: Callable[[list[Task]], Handle],
        result: Callable[[Handle], list[Outcome]],
        lost: tuple[type[BaseException], ...],
        *,
        lose_the_rest: bool,
    ) -> Iterator[tuple[PlanItem, Outcome]]:
        """Yield ``(item, outcome)`` in the plan's order, sending chunks through ``submit``.

        ``result`` waits for a chunk's outcomes; when it raises one of ``lost`` the chunk's
        rows are lost, no more are sent, and with ``lose_the_rest`` so are those out.
        """
        while True:
            while not self.stopped and len(self.pending) < self.window:
                items = self._next_chunk()
                if not items:
                    break
                self.pending.append((items, submit([i for i in items if isinstance(i, Task)])))
            if not self.pending:
                return
            items, handle = self.pending.popleft()
            try:
                outcomes = iter(result(handle))
            except lost:
                self.stopped = True
                outcomes = iter([Lost() for item in items if isinstance(item, Task)])
                if lose_the_rest:
                    while self.pending:
                        items += self.pending.popleft()[0]
                        outcomes = iter([Lost() for item in items if isinstance(item, Task)])
            for item in items:
                yield item, item if isinstance(item, list) else next(outcomes)

    def _next_chunk(self) -> list[PlanItem]:
        """Return the next items of the plan, holding up to ``chunk`` tasks."""
        items: list[PlanItem] = []
        tasks = 0
        for item in self.plan:
            items.append(item)
            tasks += isinstance(item, Task)
            if tasks >= self.chunk:
                break
        return items
