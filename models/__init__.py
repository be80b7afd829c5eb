"""The models that ship with policy-clauses, as package data (``pipeline.models`` in an installed wheel)."""
