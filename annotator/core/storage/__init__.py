"""Files on disk: written whole or not at all, never over what they must not touch.

- `atomic_write`: the one way the app writes a file (exports, copies, backups, settings).
- `output_guard`: which targets a write refuses (the open project, devices, ...).
- `leftovers`: what a killed write leaves behind, found and removed at the next start.
- `write_errors`: why a file could not be written, as a kind the faces word.
"""
