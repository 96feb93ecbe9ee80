"""The Qt face of Annotator: widgets, item models and undo commands over the core.

No SQL and no business rules live here: every user action is one core call that
returns a `Change`, pushed on the undo stack and broadcast to every view.
"""
