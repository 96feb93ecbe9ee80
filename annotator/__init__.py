"""Annotator: offline coding of documents for human-rights research."""

__version__ = "0.1.0"
