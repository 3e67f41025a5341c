"""Every command through Typer's CliRunner: output formats, help text, errors and exit codes."""

from __future__ import annotations

import json

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from arnews import __version__
from arnews.cli import app

runner = CliRunner()


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        path = prefix + (name,)
        if hasattr(cmd, "commands"):
            yield path, cmd
            yield from _commands(cmd, path)
        else:
            yield path, cmd


ALL_COMMANDS = sorted(p for p, _ in _commands(get_command(app)))


def test_cli_has_the_documented_commands():
    names = {" ".join(p) for p in ALL_COMMANDS}
    assert {"analyze", "entities", "quotes", "normalize", "evaluate", "evaluate ner", "evaluate quotes",
            "evaluate entities"} <= names


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p))
def test_cli_every_command_has_help_with_example(path):
    res = runner.invoke(app, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert "Example" in res.output
    assert "arnews" in res.output


def test_cli_version():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and __version__ in res.output


def test_cli_analyze_json_sample(sample_path):
    res = runner.invoke(app, ["analyze", str(sample_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["title"] == "مصادر: وفد من حكومة “الوفاق” وصل إلى القاهرة لبحث مصير حفتر"
    assert d["category"] == "مصر"
    assert "كشفت مصادر دبلوماسية مطلعة" in d["text"]
    assert "اترك تعليقاً" not in d["text"] and "زر الذهاب" not in d["text"]
    assert d["stats"]["sentences"] > 10 and d["stats"]["arabic_ratio"] > 0.9


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16"])
def test_cli_analyze_reencoded_same_title_and_text(sample_path, tmp_path, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes(sample_path.read_text(encoding="utf-8").encode(encoding))
    a = json.loads(runner.invoke(app, ["analyze", str(p), "-f", "json"]).stdout)
    b = json.loads(runner.invoke(app, ["analyze", str(sample_path), "-f", "json"]).stdout)
    assert a["source"]["encoding"] != "utf-8"
    assert (a["title"], a["text"]) == (b["title"], b["text"])


def test_cli_analyze_html_same_title_and_text(sample_path):
    a = json.loads(runner.invoke(app, ["analyze", str(sample_path.with_suffix(".html")), "-f", "json"]).stdout)
    b = json.loads(runner.invoke(app, ["analyze", str(sample_path), "-f", "json"]).stdout)
    assert (a["title"], a["text"]) == (b["title"], b["text"])


def test_cli_analyze_stdin_and_output_file(sample_path, tmp_path):
    out = tmp_path / "r.json"
    res = runner.invoke(app, ["analyze", "-", "-o", str(out)], input=sample_path.read_bytes())
    assert res.exit_code == 0, res.output
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["source"]["path"] == "<stdin>" and d["title"].startswith("مصادر")


def test_cli_analyze_table_shows_sections(sample_path):
    res = runner.invoke(app, ["analyze", str(sample_path), "--format", "table", "--no-bidi"])
    assert res.exit_code == 0, res.output
    assert "مصادر: وفد من حكومة" in res.output
    assert "Entities" in res.output and "Who said what" in res.output


def test_cli_analyze_jsonl_is_one_line(sample_path):
    res = runner.invoke(app, ["analyze", str(sample_path), "--format", "jsonl"])
    lines = res.stdout.strip().split("\n")
    assert len(lines) == 1 and json.loads(lines[0])["schema_version"]


@pytest.mark.parametrize("cmd", ["entities", "quotes"])
def test_cli_entities_and_quotes_jsonl(sample_path, cmd):
    res = runner.invoke(app, [cmd, str(sample_path), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    items = [json.loads(x) for x in res.stdout.strip().split("\n") if x]
    assert items, f"{cmd} found nothing in the sample"


def test_cli_normalize_filter():
    res = runner.invoke(app, ["normalize"], input="العَرَبِيَّةُ ـــ جميلة")
    assert res.exit_code == 0
    assert res.stdout == "العربية  جميلة"


@pytest.mark.parametrize("flags, text, expected", [
    ([], "أحمد ٣ مدرسة", "احمد 3 مدرسة"),
    (["--no-alef"], "أحمد", "أحمد"),
    (["--teh-marbuta"], "مدرسة", "مدرسه"),
    (["--no-digits"], "٣", "٣"),
    (["--punctuation"], "نعم، لا", "نعم, لا"),
])
def test_cli_normalize_options(flags, text, expected):
    res = runner.invoke(app, ["normalize", *flags], input=text)
    assert res.stdout == expected


def _write(p, data: bytes):
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("make, code, words", [
    (lambda d: d / "nope.txt", 3, "no such file"),
    (lambda d: d, 3, "directory"),
    (lambda d: _write(d / "e.txt", b""), 4, "empty"),
    (lambda d: _write(d / "b.bin", b"\x7fELF\x02\x01\x00\x00" * 100), 5, "binary"),
    (lambda d: _write(d / "en.txt", b"This is an English article about the weather today."), 6, "not Arabic"),
])
def test_cli_bad_input_one_line_message_and_exit_code(tmp_path, make, code, words):
    res = runner.invoke(app, ["analyze", str(make(tmp_path))])
    assert res.exit_code == code
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert "Traceback" not in res.output
    assert words in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_cli_size_limit(sample_path):
    res = runner.invoke(app, ["analyze", str(sample_path), "--max-bytes", "100"])
    assert res.exit_code == 7 and "limit" in res.stderr


def test_cli_bad_json_field(sample_path):
    res = runner.invoke(app, ["analyze", str(sample_path.with_suffix(".json")), "--text-field", "nope"])
    assert res.exit_code == 8 and "nope" in res.stderr


@pytest.mark.parametrize("command, name, content", [
    ("ner", "gold.conll", "زار B-PERS\nالقاهرة B-LOC\n\n"),
    ("quotes", "gold.jsonl", json.dumps({"id": "a", "text": "وقال الوزير إن الخطة جاهزة.", "quotes": []},
                                        ensure_ascii=False) + "\n"),
    ("entities", "gold.jsonl", json.dumps({"id": "a", "text": "زار الوفد القاهرة.",
                                           "entities": [{"start": 10, "end": 17, "type": "LOC"}]},
                                          ensure_ascii=False) + "\n"),
])
def test_cli_evaluate_unwritable_predictions_is_an_error(tmp_path, command, name, content):
    gold = tmp_path / name
    gold.write_text(content, encoding="utf-8")
    res = runner.invoke(app, ["evaluate", command, str(gold), "--predictions", str(tmp_path / "no" / "pred")])
    assert res.exit_code == 10, (res.output, res.exception)
    assert "cannot write predictions" in res.output and "Traceback" not in res.output
