"""Use cases. One short session per call; results are frozen dataclasses. No Qt."""
