"""The Qt-free heart of Annotator: project file, documents, codebook, codings.

Nothing below this package may import Qt (tests/core/test_no_qt.py checks it), so the
GUI, the command line and the tests all drive the same functions.
"""
