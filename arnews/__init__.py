"""arnews — Arabic news analysis: articles in, entities and attributed quotes out."""

__version__ = "0.1.0"
