"""The .docx format, with no knowledge of reports: package, places, pictures, grids, layout."""
