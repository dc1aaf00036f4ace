"""docxtpl's own preprocessing of a part, without importing docxtpl and python-docx.

reportgen keeps docxtpl's tag syntax, so it must prepare a part's XML exactly as docxtpl
does (``DocxTemplate.patch_xml``: tags Word split across runs joined, ``{%p %}``,
``{%tr %}``, …) and apply its conventions after rendering (``resolve_listing``: a line
break or tab in a value becomes ``<w:br/>``, ``<w:tab/>``). Both are plain functions of
a string written with :mod:`re` alone, but importing docxtpl imports python-docx,
docxcompose and more, over a tenth of a second, a third of a whole render.

So the two methods are taken from the installed docxtpl and made into functions here on
their own, with only :mod:`re`: the same code docxtpl runs, of whichever version is
installed, and none of its imports. Their code comes from the bytecode Python wrote for
docxtpl/template.py when it is that of the file as it is now (compiling the source takes
a first render 2 ms), else from the source. Should a future docxtpl make them need more,
they are taken from docxtpl itself, imported as usual (a test compares the two on every
template reportgen ships).
"""

from __future__ import annotations

import functools
import importlib.util
import marshal
import re
from collections.abc import Callable
from pathlib import Path
from types import CodeType, FunctionType
from typing import Any

#: The methods taken, by name: each a function of (self, xml) that uses ``re`` alone.
_METHODS = ("patch_xml", "resolve_listing")


def patch_xml(xml: str) -> str:
    """Return a part's XML prepared for Jinja as ``DocxTemplate.patch_xml`` prepares it."""
    return _methods()["patch_xml"](None, xml)


def resolve_listing(xml: str) -> str:
    """Return a rendered part with ``DocxTemplate.resolve_listing`` applied."""
    return _methods()["resolve_listing"](None, xml)


@functools.cache
def _methods() -> dict[str, Callable[[Any, str], str]]:
    for taken in (_taken_from_bytecode, _compiled_from_source):
        try:
            return _checked(taken(_template_file()))
        except (OSError, SyntaxError, LookupError, ImportError, ValueError, EOFError, TypeError):
            continue
    from docxtpl import DocxTemplate

    return {name: getattr(DocxTemplate, name) for name in _METHODS}


def _template_file() -> Path:
    """Return the path of docxtpl/template.py, found without importing docxtpl."""
    spec = importlib.util.find_spec("docxtpl")  # finds the package, does not import it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("docxtpl is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "template.py"


def _checked(
    methods: dict[str, Callable[[Any, str], str]],
) -> dict[str, Callable[[Any, str], str]]:
    """Return ``methods`` if patch_xml runs with nothing but re; raise LookupError if not."""
    # -- a name it lacks fails here, not during a render --
    if methods["patch_xml"](None, "<w:p><w:r><w:t>{{ a }}</w:t></w:r></w:p>") is None:
        raise LookupError("patch_xml returned nothing")
    return methods


def _taken_from_bytecode(source: Path) -> dict[str, Callable[[Any, str], str]]:
    """Return the methods made from the bytecode Python keeps for ``source``, if still its.

    The header is checked as the import system checks it: Python's magic number, then the
    source's modification time and size. Anything else raises LookupError.
    """
    status = source.stat()
    cached = _bytecode_of(source)
    header = (
        importlib.util.MAGIC_NUMBER,
        (0).to_bytes(4, "little"),  # -- checked by time and size, not by a hash --
        (int(status.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little"),
        (status.st_size & 0xFFFFFFFF).to_bytes(4, "little"),
    )
    if cached[:16] != b"".join(header):
        raise LookupError("the bytecode is not that of the source as it is now")
    module = marshal.loads(cached[16:])
    [body] = [code for code in _codes_in(module) if code.co_name == "DocxTemplate"]
    codes = {code.co_name: code for code in _codes_in(body)}
    return {name: FunctionType(codes[name], {"re": re}) for name in _METHODS}


def _bytecode_of(source: Path) -> bytes:
    """Return the bytecode file's content: where Python now writes it, or where pip wrote it."""
    here = Path(importlib.util.cache_from_source(str(source)))  # -- PYTHONPYCACHEPREFIX too --
    beside = source.parent / "__pycache__" / here.name
    try:
        return here.read_bytes()
    except OSError:
        return beside.read_bytes()


def _codes_in(code: CodeType) -> list[CodeType]:
    return [constant for constant in code.co_consts if isinstance(constant, CodeType)]


def _compiled_from_source(path: Path) -> dict[str, Callable[[Any, str], str]]:
    """Return the methods compiled from docxtpl/template.py, without running that module."""
    source = path.read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"re": re}
    for name in _METHODS:
        exec(compile(_method_source(source, name), "docxtpl/template.py", "exec"), namespace)
    return {name: namespace[name] for name in _METHODS}


def _method_source(source: str, name: str) -> str:
    """Return the source of method ``name`` of the class in ``source``, dedented."""
    start = re.search(rf"^    def {name}\(self, [a-z_]+\):\n", source, re.MULTILINE)
    if start is None:
        raise LookupError(f"docxtpl has no method {name}")
    end = re.compile(r"^    \S", re.MULTILINE).search(source, start.end())
    body = source[start.start() : end.start() if end else len(source)]
    import textwrap  # -- only where the bytecode could not be used --

    return textwrap.dedent(body)
