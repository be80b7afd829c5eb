"""Export: the table schemas, clause rows to Arrow and Parquet, the documents table, and atomic file writes.

Only this stage (and the run machinery that calls it) writes output files."""
