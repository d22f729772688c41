"""Actors: noun phrases to PLOVER entities (states, IGOs, people, agents), with coreference."""

from .resolve import DocActors, Resolved, conjuncts, same_side

__all__ = ["DocActors", "Resolved", "conjuncts", "same_side"]
