"""Parsers that turn a document's text lines into rows of the raw tables."""
