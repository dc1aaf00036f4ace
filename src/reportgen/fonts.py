"""Where the free Chinese fonts are that stand in for the faces GB/T 9704 names.

Both the chart (drawn with matplotlib) and the PDF (converted by LibreOffice) need faces
with Chinese glyphs. TeX Live's Chinese support ships the Fandol fonts (仿宋, 楷体, 黑体,
宋体) in a folder that neither fontconfig nor matplotlib scans, so each adds it itself.
"""

from __future__ import annotations

from pathlib import Path

#: Where Debian's TeX Live puts the Fandol fonts; the first that exists is used.
FANDOL_DIRS = (
    Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
    Path("/usr/share/texmf/fonts/opentype/public/fandol"),
    Path("/usr/local/share/texmf/fonts/opentype/public/fandol"),
)


def find_fandol_dir() -> Path | None:
    """Return the folder of the Fandol fonts that TeX Live installs, or None."""
    for folder in FANDOL_DIRS:
        if (folder / "FandolFang-Regular.otf").is_file():
            return folder
    return None
