"""communique: offline, source-linked political event coding in the PLOVER ontology.

    >>> from communique import code_text
    >>> events = code_text(text, date="2025-08-27")
    >>> events[0].to_plover()
"""

from .model import Agreement, Article, Entity, Event, Location, Mention, Reject
from .pipeline import code_articles, code_text

__version__ = "0.1.0"
__all__ = ["Agreement", "Article", "Entity", "Event", "Location", "Mention", "Reject", "code_articles",
           "code_text", "__version__"]
