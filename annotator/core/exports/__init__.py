"""Exports for report writers: Word reports, CSV/XLSX tables and codebook files.

`formats.write_export` is the one entry point the GUI and the CLI call; each format's
writer lives in its own module and is imported only when it is used (python-docx and
openpyxl are slow to import and the CLI should start fast).
"""
