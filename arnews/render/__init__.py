"""Renderers: each turns the serialized document dict (``Document.to_dict()``) into one output format."""
