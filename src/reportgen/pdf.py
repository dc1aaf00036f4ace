"""Convert .docx documents to PDF with LibreOffice, with stand-ins for the GB/T 9704 fonts.

A report names Windows and Founder faces (仿宋_GB2312, 方正小标宋简体, …) that a Linux
machine does not have. LibreOffice finds its fonts through fontconfig, so each conversion
runs with a generated fontconfig file that keeps the system's configuration, adds the Fandol
fonts that TeX Live ships but fontconfig does not scan, and maps the names to free faces
(``resources/fonts.conf``). CJK glyphs are all one em wide, so the stand-ins keep the line
breaks and the page count of the real fonts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path

from reportgen.errors import ConversionError
from reportgen.fonts import find_fandol_dir
from reportgen.i18n import Message
from reportgen.messages import (
    CONVERSION_TIMEOUT,
    FONT_FOR,
    FONTS_MISSING,
    INSTALL_PACKAGES,
    NO_OUTPUT,
    NO_PDF_WRITTEN,
    SAME_NAMES,
    SOFFICE_MISSING,
)
from reportgen.processes import stop_group

#: The Debian packages that conversion needs: LibreOffice Writer, Noto Serif CJK (the title's
#: stand-in) and TeX Live's Chinese support, which ships the Fandol fonts (仿宋, 楷体, 黑体, 宋体).
DEBIAN_PACKAGES = ("libreoffice-writer-nogui", "fonts-noto-cjk", "texlive-lang-chinese")

#: The families the stand-ins need, each with the name a template uses for it.
REQUIRED_FAMILIES = {
    "FandolFang": "仿宋_GB2312",
    "FandolKai": "楷体_GB2312",
    "FandolHei": "黑体",
    "FandolSong": "宋体",
    "Noto Serif CJK SC": "方正小标宋简体",
}

#: Seconds LibreOffice may go without writing a PDF before it is stopped: a run converts
#: many documents, so it is the time between two PDFs that is bounded, not the whole run.
#: Measured here: 2.2 s for one six-page report with a fresh profile, 2.6 s for five.
DEFAULT_TIMEOUT = 120.0
#: The most documents one soffice run is given: its command line must stay within what
#: Windows allows (32,767 characters), and a run that fails loses only its own documents.
_MOST_A_RUN = 200
_MOST_ARGUMENT_CHARACTERS = 24_000
#: How often a run is looked at for the PDFs it wrote, in seconds.
_LOOK_EVERY = 0.2

#: Where LibreOffice lives when it is not on PATH (the macOS application bundle).
_SOFFICE_FALLBACKS = (Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),)


def _install_hint() -> Message:
    return INSTALL_PACKAGES(packages=" ".join(DEBIAN_PACKAGES))


def find_soffice() -> str | None:
    """Return the path of LibreOffice's ``soffice`` program, or None if there is none."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _SOFFICE_FALLBACKS:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def fontconfig_file(aliases: Path, fandol_dir: Path | None) -> str:
    """Return a fontconfig file: the system's, plus the Fandol folder and the aliases."""
    fandol = f"  <dir>{fandol_dir}</dir>\n" if fandol_dir else ""
    return (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"{fandol}"
        f'  <include ignore_missing="no">{aliases}</include>\n'
        "</fontconfig>\n"
    )


def _missing_families(environment: dict[str, str]) -> list[str]:
    # -- ask fontconfig itself, so fonts installed anywhere it looks count too --
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []  # no fontconfig tools: let LibreOffice try with what it finds
    listing = subprocess.run(
        [fc_list, ":", "family"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout
    present = {name.strip() for line in listing.splitlines() for name in line.split(",")}
    return [family for family in REQUIRED_FAMILIES if family not in present]


def _run(
    command: list[str],
    environment: dict[str, str],
    targets: list[Path],
    timeout: float,
    on_converted: Callable[[Path], None] | None,
) -> str:
    """Run soffice converting to ``targets``, in order; return what it printed.

    Each PDF is told to ``on_converted`` once it is whole: LibreOffice converts its
    documents one after another, so a PDF is finished when the next one appears, and the
    last when the run ends. The run is stopped when no PDF appears for ``timeout`` seconds.
    """
    # -- soffice starts helpers of its own: stop the whole process group on timeout --
    process = subprocess.Popen(
        command,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    told = 0  # -- the targets told so far: all before the one being written --
    deadline = time.monotonic() + timeout
    while True:
        try:
            output, _ = process.communicate(timeout=_LOOK_EVERY)
            break
        except subprocess.TimeoutExpired:
            started = _started(targets, told)
            if started > told:
                deadline = time.monotonic() + timeout
                told = _tell(targets, told, started - 1, on_converted)
            if time.monotonic() > deadline:
                stop_group(process, at_once=True)
                process.communicate()
                raise ConversionError(
                    CONVERSION_TIMEOUT(seconds=timeout, document=targets[told].stem)
                ) from None
    _tell(targets, told, len(targets), on_converted)
    return output


def _started(targets: list[Path], told: int) -> int:
    """Return how many of ``targets`` LibreOffice has begun to write."""
    started = told
    while started < len(targets) and targets[started].is_file():
        started += 1
    return started


def _tell(
    targets: list[Path], told: int, finished: int, on_converted: Callable[[Path], None] | None
) -> int:
    """Tell ``on_converted`` of the targets from ``told`` up to ``finished``; return the count."""
    for target in targets[told:finished]:
        if on_converted is not None and target.is_file():
            on_converted(target)
    return max(told, finished)


@contextlib.contextmanager
def font_environment(scratch: Path) -> Iterator[dict[str, str]]:
    """Yield the environment LibreOffice converts in: the fonts the layout names mapped.

    The fontconfig file is written into ``scratch`` and must stay there while LibreOffice
    runs. Raise ConversionError, naming the packages to install, when a font is missing.
    """
    with resources.as_file(resources.files("reportgen") / "resources" / "fonts.conf") as aliases:
        config = scratch / "fonts.conf"
        config.write_text(fontconfig_file(aliases, find_fandol_dir()), encoding="utf-8")
        environment = dict(os.environ, FONTCONFIG_FILE=str(config))
        missing = _missing_families(environment)
        if missing:
            fonts = [FONT_FOR(family=family, name=REQUIRED_FAMILIES[family]) for family in missing]
            raise ConversionError(FONTS_MISSING(fonts=fonts, install=_install_hint()))
        yield environment


def convert_to_pdf(
    docx_paths: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    on_converted: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Convert each .docx in ``docx_paths`` to ``out_dir/<name>.pdf``, with LibreOffice.

    LibreOffice runs with a private, temporary profile, so it works while another LibreOffice
    is open and leaves nothing behind; many documents are converted a few hundred a run.
    ``on_converted`` is told of each PDF as it is written. Return the PDF paths in the order
    of ``docx_paths``; raise ConversionError when LibreOffice or a font is missing, no PDF
    was written for ``timeout`` seconds, or a PDF was not written.
    """
    sources = [Path(path).resolve() for path in docx_paths]
    if not sources:
        return []
    stems = [source.stem for source in sources]
    duplicates = sorted({stem for stem in stems if stems.count(stem) > 1})
    if duplicates:
        raise ConversionError(SAME_NAMES(names=duplicates))
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(SOFFICE_MISSING(install=_install_hint()))
    out_dir = out_dir.resolve()
    targets = [out_dir / f"{stem}.pdf" for stem in stems]
    with (
        tempfile.TemporaryDirectory(prefix="reportgen-soffice-") as scratch,
        font_environment(Path(scratch)) as environment,
    ):
        # -- a PDF left from an earlier run must not pass for a new one --
        out_dir.mkdir(parents=True, exist_ok=True)
        for target in targets:
            target.unlink(missing_ok=True)
        profile = (Path(scratch) / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
        ]
        for start, end in _runs(sources):
            run_targets = targets[start:end]
            arguments = [*command, *map(str, sources[start:end])]
            output = _run(arguments, environment, run_targets, timeout, on_converted)
            missing_pdfs = [
                source
                for source, target in zip(sources[start:end], run_targets, strict=True)
                if not target.is_file()
            ]
            if missing_pdfs:
                detail = output.strip() or NO_OUTPUT()
                raise ConversionError(NO_PDF_WRITTEN(documents=missing_pdfs, output=detail))
    return targets


def _runs(sources: list[Path]) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of each run's share of ``sources``: few enough, short enough."""
    start = 0
    while start < len(sources):
        end, characters = start, 0
        while end < len(sources) and end - start < _MOST_A_RUN:
            characters += len(str(sources[end])) + 3  # -- a space, and quotes on Windows --
            if characters > _MOST_ARGUMENT_CHARACTERS and end > start:
                break
            end += 1
        yield start, end
        start = end
