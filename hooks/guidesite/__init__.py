"""guidesite: turns structured YAML guidance entries into pages for a static site.

Plain Python with no MkDocs import, in fixed phases: load -> validate -> model -> link ->
render. ``hooks/mkdocs_hooks.py`` is the thin adapter that hands the pages to MkDocs.
"""
