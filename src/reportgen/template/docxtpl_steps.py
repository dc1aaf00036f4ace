"""docxtpl's own preprocessing of a part, without importing docxtpl and python-docx.

reportgen keeps docxtpl's tag syntax, so it must prepare a part's XML exactly as docxtpl
does (``DocxTemplate.patch_xml``: tags Word split across runs joined, ``{%p %}``,
``{%tr %}``, …) and apply its conventions after rendering (``resolve_listing``: a line
break or tab in a value becomes ``<w:br/>``, ``<w:tab/>``). Both are plain functions of
a string written with :mod:`re` alone, but importing docxtpl imports python-docx,
docxcompose and more, over a tenth of a second, a third of a whole render.

So the two methods are read from the installed docxtpl's source and compiled here on
their own, with only :mod:`re`: the same code docxtpl runs, of whichever version is
installed, and none of its imports. Should a future docxtpl make them need more, they
are taken from docxtpl itself, imported as usual (a test compares the two on every
template reportgen ships).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
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
    try:
        return _compiled_from_source()
    except (OSError, SyntaxError, LookupError, ImportError):
        from docxtpl import DocxTemplate

        return {name: getattr(DocxTemplate, name) for name in _METHODS}


def _compiled_from_source() -> dict[str, Callable[[Any, str], str]]:
    """Return the methods compiled from docxtpl/template.py, without running that module."""
    spec = importlib.util.find_spec("docxtpl")  # finds the package, does not import it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("docxtpl is not installed")
    source = (Path(next(iter(spec.submodule_search_locations))) / "template.py").read_text(
        encoding="utf-8"
    )
    namespace: dict[str, Any] = {"re": re}
    for name in _METHODS:
        exec(compile(_method_source(source, name), "docxtpl/template.py", "exec"), namespace)
    methods = {name: namespace[name] for name in _METHODS}
    # Used as it is only if it needs nothing but re: a name it lacks fails here, not later.
    if methods["patch_xml"](None, "<w:p><w:r><w:t>{{ a }}</w:t></w:r></w:p>") is None:
        raise LookupError("patch_xml returned nothing")
    return methods


def _method_source(source: str, name: str) -> str:
    """Return the source of method ``name`` of the class in ``source``, dedented."""
    start = re.search(rf"^    def {name}\(self, [a-z_]+\):\n", source, re.MULTILINE)
    if start is None:
        raise LookupError(f"docxtpl has no method {name}")
    end = re.compile(r"^    \S", re.MULTILINE).search(source, start.end())
    body = source[start.start() : end.start() if end else len(source)]
    return textwrap.dedent(body)
