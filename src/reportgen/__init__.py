"""reportgen: formal Chinese work reports in Word, made from YAML data and .docx templates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "ReportgenError",
    "Workspace",
    "check_reports",
    "load_report_data",
    "render_reports",
    "watch_reports",
]

if TYPE_CHECKING:
    from reportgen.api import check_reports, render_reports
    from reportgen.commands.watch import watch_reports
    from reportgen.data.loader import load_report_data
    from reportgen.errors import ReportgenError
    from reportgen.workspace import Workspace

_EXPORTS = {
    "ReportgenError": "errors",
    "Workspace": "workspace",
    "check_reports": "api",
    "render_reports": "api",
    "load_report_data": "data.loader",
    "watch_reports": "commands.watch",
}


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `reportgen --version` starts without
    # loading docxtpl, pydantic and lxml.
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
