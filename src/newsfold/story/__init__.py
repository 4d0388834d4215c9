"""Fold stages: the parts of a story built from its articles (summary, timeline, entities, quotes)."""
