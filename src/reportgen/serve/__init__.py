"""``reportgen serve``: the workspace in the browser, for people who will not edit YAML.

A local web application over the same workspace as the command line: the data files stay
the one truth. The reports page lists every report; a report's page is a form made from its
data and its template's fields, saved back into the YAML as text edits that keep every
comment, with the rendered pages previewed beside it.
"""
