"""reportgen: formal Chinese work reports in Word, made from YAML data and .docx templates.

The names below are the public API: a Python caller can do with one call anything the
command line does. Everything else (the subpackages ``data``, ``template``, ``ooxml``,
``text``, ``commands``, ``cli`` and the modules beside them) is internal and may change
between versions.

How a report is made, stage by stage:

- :mod:`reportgen.workspace` finds the workspace: its templates, data and output folders;
- :mod:`reportgen.data` reads a report's YAML keeping every value's line, validates it,
  computes its figures and renders the prose;
- :mod:`reportgen.template` checks a .docx template against the data, and compiles it;
- :mod:`reportgen.prepare` takes each report through these steps (with :mod:`reportgen.cache`);
- :mod:`reportgen.api` renders and writes the documents (:mod:`reportgen.batch` for a table
  of rows), on the .docx format of :mod:`reportgen.ooxml`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.version import __version__

__all__ = [
    "AlreadyExistsError",
    "Cache",
    "ConversionError",
    "DataError",
    "NotFoundError",
    "OutputError",
    "Problem",
    "ProblemsFound",
    "RenderError",
    "ReportgenError",
    "TemplateError",
    "Workspace",
    "WorkspaceError",
    "__version__",
    "check_reports",
    "create_department",
    "describe_workspace",
    "init_workspace",
    "load_report_data",
    "render_reports",
    "set_language",
    "start_new_period",
    "template_fields",
    "watch_reports",
    "write_schemas",
]

if TYPE_CHECKING:
    from reportgen.api import check_reports, render_reports
    from reportgen.cache import Cache
    from reportgen.commands.listing import describe_workspace
    from reportgen.commands.new_period import start_new_period
    from reportgen.commands.schema import write_schemas
    from reportgen.commands.starter import create_department, init_workspace
    from reportgen.commands.watch import watch_reports
    from reportgen.data.loader import load_report_data
    from reportgen.errors import (
        AlreadyExistsError,
        ConversionError,
        DataError,
        NotFoundError,
        OutputError,
        Problem,
        ProblemsFound,
        RenderError,
        ReportgenError,
        TemplateError,
        WorkspaceError,
    )
    from reportgen.i18n import set_language
    from reportgen.template.fields import template_fields
    from reportgen.workspace import Workspace

_EXPORTS = {
    "check_reports": "api",
    "render_reports": "api",
    "Cache": "cache",
    "describe_workspace": "commands.listing",
    "start_new_period": "commands.new_period",
    "write_schemas": "commands.schema",
    "create_department": "commands.starter",
    "init_workspace": "commands.starter",
    "watch_reports": "commands.watch",
    "load_report_data": "data.loader",
    "set_language": "i18n",
    "template_fields": "template.fields",
    "Workspace": "workspace",
    **{
        name: "errors"
        for name in (
            "AlreadyExistsError",
            "ConversionError",
            "DataError",
            "NotFoundError",
            "OutputError",
            "Problem",
            "ProblemsFound",
            "RenderError",
            "ReportgenError",
            "TemplateError",
            "WorkspaceError",
        )
    },
}


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `reportgen --version` starts without
    # loading docxtpl, pydantic and lxml.
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f"reportgen.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
