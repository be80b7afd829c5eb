"""Character-level text helpers shared by every stage: blank characters and spans, language identification, normalization, literal-gated patterns."""
