"""Text escaped for the XML of a part, as :func:`html.escape` escapes it.

Written out here because importing :mod:`html` imports its table of every HTML entity (a
millisecond, on every render), and :mod:`xml.sax.saxutils` imports urllib, http and email.
"""

from __future__ import annotations


def xml_text(text: str) -> str:
    """Return ``text`` for an element's content: ``html.escape(text, quote=False)``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attribute(text: str) -> str:
    """Return ``text`` for an attribute's value in quotes: ``html.escape(text)``."""
    return xml_text(text).replace('"', "&quot;").replace("'", "&#x27;")
