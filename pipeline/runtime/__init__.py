"""The run machinery: one document through every stage, worker pools and Dask engines, the per-document cache, and the run itself."""
