"""Tell which of the tags on one line of a template raised an error while rendering.

Jinja reports the line of a failing tag, and a paragraph is one line: when it holds several
tags ("{{ row.name }}完成率{{ row.rate | percent(1) }}"), the first was named, and the field
with it, whichever failed. Only then, on the error's way out, each print tag of the line is
rendered alone with the document's values; the one that fails as the render did is named.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from jinja2 import Environment

#: A print tag of the prepared source, but not docxtpl's {{p …}}, {{r …}}, {{tr …}}, {{tc …}}.
_PRINT_TAG = re.compile(r"\{\{(?!-?\s*(?:p|r|tr|tc)\s).*?\}\}", re.DOTALL)


def failing_tag(
    environment: Environment, line: str, err: BaseException, context: Mapping[str, Any]
) -> str:
    """Return the print tag of ``line`` that raises ``err`` alone; "" if not one tells."""
    tags = [html.unescape(tag) for tag in _PRINT_TAG.findall(re.sub(r"<[^>]+>", "", line))]
    if len(tags) < 2:
        return ""
    for tag in tags:
        try:
            environment.from_string(tag).render(context)
        except Exception as other:  # noqa: BLE001 - any other failure only says: not this one
            if type(other) is type(err) and str(other) == str(err):
                return tag
    return ""
