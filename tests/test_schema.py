"""The serialized document: valid against the shipped JSON Schema, every span slices the text."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from arnews.model import SCHEMA_VERSION


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("arnews").joinpath("schema/document.schema.json").read_text("utf-8"))


def test_schema_validates_sample_output(schema, sample_doc):
    d = sample_doc.to_dict(include_tokens=True)
    jsonschema.validate(d, schema)
    assert d["schema_version"] == SCHEMA_VERSION == schema["properties"]["schema_version"]["const"]


def test_schema_rejects_broken_output(schema, sample_doc):
    d = sample_doc.to_dict()
    del d["text"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, schema)


def _spans(d):
    for t in d.get("tokens", []):
        yield t
    for e in d["entities"]:
        yield from e["mentions"]
    for q in d["quotes"]:
        yield q["content"]
        sp = q["speaker"]
        if sp and sp.get("start") is not None:
            yield {"start": sp["start"], "end": sp["end"], "text": None}
        cue = q["cue"]
        if cue and cue.get("start") is not None:
            yield {"start": cue["start"], "end": cue["end"], "text": cue["text"]}


def test_schema_every_span_slices_the_text(sample_doc):
    d = sample_doc.to_dict(include_tokens=True)
    text = d["text"]
    n = 0
    for span in _spans(d):
        assert 0 <= span["start"] < span["end"] <= len(text)
        if span["text"] is not None:
            assert text[span["start"]:span["end"]] == span["text"]
        n += 1
    assert n > 400
    assert text[: len(d["title"])] == d["title"]
