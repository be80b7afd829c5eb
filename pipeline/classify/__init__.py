"""Clause classification: the scikit-learn estimator, its features, saving and loading models, and training."""
