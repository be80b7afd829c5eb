"""Segmentation: split a structured document into clauses (English with spaCy, Thai with PyThaiNLP) and keep headings as context."""
