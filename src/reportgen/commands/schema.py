"""Write the JSON Schema of the data files, for editors that check YAML while a clerk types.

The schemas come from the pydantic models that validate the data (:mod:`reportgen.model`),
so an editor and ``reportgen check`` agree on what a file may hold. Each data file names its
schema on its first line, relative to itself::

    # yaml-language-server: $schema=../../schemas/part.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path

from reportgen.files import write_atomically

#: Where the schemas live in a workspace, relative to its root.
SCHEMA_FOLDER = "schemas"


def schema_texts() -> dict[str, str]:
    """Return the text of each schema file, by file name, exactly as it is written."""
    from reportgen.data.models import json_schemas

    # Sorted keys and a fixed layout, so that the committed files change only with the models.
    return {
        name: json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for name, schema in json_schemas().items()
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema file into ``directory`` and return the paths written."""
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        write_atomically(path, text.encode("utf-8"))
        written.append(path)
    return written
