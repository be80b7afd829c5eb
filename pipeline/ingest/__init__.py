"""Ingest: find policy files, read and decode them, extract the text of HTML, and recover headings, list items and paragraphs.

Only this stage reads policy files."""
