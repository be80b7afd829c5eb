"""Evaluation: category, segmentation and attribute scores, corpus evaluation on real documents, and active learning."""
