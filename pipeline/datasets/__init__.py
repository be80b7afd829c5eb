"""The labeled data the project reads: labeled clause CSVs, gold segmentation TSVs, the real-policy corpus with gold, and OPP-115."""
