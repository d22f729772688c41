"""Events: clause roles, the verb lexicon, modality and contexts, turned into event candidates."""

from .extract import Candidate, extract

__all__ = ["Candidate", "extract"]
