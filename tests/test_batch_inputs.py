"""Enumerating batch inputs: folders, globs, JSONL corpora, lists, ids."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from arnews.batch.inputs import InputSpec, check_inputs, count_items, iter_items
from arnews.errors import InputError, InputNotFoundError

ARTICLE = "عنوان الخبر\n\nقال الوزير إن الحكومة ستدعم المشروع الجديد في الرياض.\n"


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(ARTICLE, encoding="utf-8")


def _ids(spec: InputSpec) -> list[str]:
    return [it.id for it in iter_items(spec)]


def test_inputs_folder_ids_are_relative_and_sorted(tmp_path):
    _tree(tmp_path, ["ب/خبر.txt", "أ/2.html", "أ/1.txt", "جذر.json", ".hidden.txt", "صورة.png", ".git/x.txt"])
    ids = _ids(InputSpec(paths=(str(tmp_path),)))
    assert ids == ["جذر.json", "أ/1.txt", "أ/2.html", "ب/خبر.txt"]


@pytest.mark.parametrize("include,exclude,expected", [
    (("*.txt",), (), ["أ/1.txt", "ب/خبر.txt"]),
    ((), ("ب",), ["جذر.json", "أ/1.txt", "أ/2.html"]),
    ((), ("أ/*",), ["جذر.json", "ب/خبر.txt"]),
    (("*.HTML", "*.json"), (), ["جذر.json", "أ/2.html"]),
])
def test_inputs_folder_include_exclude_globs(tmp_path, include, exclude, expected):
    _tree(tmp_path, ["ب/خبر.txt", "أ/2.html", "أ/1.txt", "جذر.json"])
    assert _ids(InputSpec(paths=(str(tmp_path),), include=include, exclude=exclude)) == expected


def _jsonl(path: Path, records: list[dict | str], gz: bool = False) -> None:
    text = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(text)
    else:
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("id_field,expected", [
    (None, ["a1", "http://x/ب", "c.jsonl:4", "c.jsonl:5"]),
    ("ref", ["c.jsonl:1", "c.jsonl:2", "ر-٣", "c.jsonl:5"]),
])
def test_inputs_jsonl_ids_from_record_or_line(tmp_path, gz, id_field, expected):
    name = "c.jsonl.gz" if gz else "c.jsonl"
    _jsonl(tmp_path / name, [{"id": "a1", "text": "نص"}, {"url": "http://x/ب", "content": "نص"}, "",
                             {"ref": "ر-٣", "text": "نص"}, "{not json"], gz=gz)
    spec = InputSpec(paths=(str(tmp_path / name),), id_field=id_field)
    items = list(iter_items(spec))
    assert [i.id for i in items] == [e.replace("c.jsonl", name) for e in expected]
    assert [i.line for i in items] == [1, 2, 4, 5]
    assert count_items(spec) == len(items)


def test_inputs_duplicate_ids_get_a_suffix(tmp_path):
    _jsonl(tmp_path / "c.jsonl", [{"id": "خبر", "text": "نص"}] * 3)
    assert _ids(InputSpec(paths=(str(tmp_path / "c.jsonl"),))) == ["خبر", "خبر#2", "خبر#3"]


def test_inputs_from_list_file_and_stdin(tmp_path):
    _tree(tmp_path, ["أ.txt", "ب.txt"])
    listing = f"# comment\n{tmp_path / 'أ.txt'}\n\n{tmp_path / 'غائب.txt'}\n"
    (tmp_path / "list.txt").write_text(listing, encoding="utf-8")
    from_file = _ids(InputSpec(from_list=str(tmp_path / "list.txt")))
    from_stdin = _ids(InputSpec(from_list="-", stdin=io.BytesIO(listing.encode())))
    # A listed path that does not exist is an item (its record will be an error), not a failure.
    assert from_file == from_stdin == [str(tmp_path / "أ.txt"), str(tmp_path / "غائب.txt")]


def test_inputs_stdin_is_a_jsonl_stream():
    data = "\n".join(json.dumps({"id": f"خ{i}", "text": "نص"}, ensure_ascii=False) for i in range(3)).encode()
    assert _ids(InputSpec(paths=("-",), stdin=io.BytesIO(data))) == ["خ0", "خ1", "خ2"]


@pytest.mark.parametrize("spec,error", [
    (InputSpec(paths=("غير-موجود/",)), InputNotFoundError),
    (InputSpec(), InputError),
    (InputSpec(paths=("-",), from_list="-"), InputError),
    (InputSpec(from_list="لا-قائمة.txt"), InputNotFoundError),
])
def test_inputs_check_refuses_bad_arguments(spec, error):
    with pytest.raises(error):
        check_inputs(spec)


def test_inputs_skip_the_output_file(tmp_path):
    _tree(tmp_path, ["أ.txt"])
    out = tmp_path / "records.jsonl"
    _jsonl(out, [{"id": "x", "text": "نص"}])
    spec = InputSpec(paths=(str(tmp_path),), skip_files=(str(out.absolute()),))
    assert _ids(spec) == ["أ.txt"] and count_items(spec) == 1
