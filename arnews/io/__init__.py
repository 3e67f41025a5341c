"""Reading articles: bytes to text, and text/HTML/JSON to a title, a body and what was removed."""

from .reader import Article, ReadOptions, read_article, read_text_article

__all__ = ["Article", "ReadOptions", "read_article", "read_text_article"]
