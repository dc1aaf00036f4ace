"""The memo: a value deep code makes slowly is made once for a memo, afresh without one."""

from __future__ import annotations

from reportgen.memo import library_stamp, remembered, remembering


class DictMemo:
    def __init__(self) -> None:
        self.kept: dict[bytes, bytes] = {}

    def recall(self, key: bytes) -> bytes | None:
        return self.kept.get(key)

    def keep(self, key: bytes, value: bytes) -> None:
        self.kept[key] = value


def test_a_value_is_made_once_for_a_memo_and_every_time_without_one() -> None:
    made: list[bytes] = []

    def make() -> bytes:
        made.append(b"drawn")
        return b"drawn"

    memo = DictMemo()
    with remembering(memo):
        assert remembered(b"key", make) == remembered(b"key", make) == b"drawn"
        assert remembered(b"other", make) == b"drawn"
    assert len(made) == 2
    assert memo.kept == {b"key": b"drawn", b"other": b"drawn"}
    assert remembered(b"key", make) == b"drawn"  # -- outside the block: no memo --
    assert len(made) == 3


def test_a_library_is_stamped_by_its_file_and_an_absent_one_by_a_dash() -> None:
    stamp = library_stamp("jinja2")
    assert "jinja2" in stamp and stamp.split()[-1].isdigit()
    assert library_stamp("no_such_library_here") == "no_such_library_here -"
