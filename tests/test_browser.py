"""The HTML report in a real browser: headless Chromium lays it out, a screenshot is kept.

The report itself carries no script (its Content-Security-Policy forbids them), so the layout is
measured from outside: a harness page in the same folder loads the report in an iframe and, once
it is laid out and its fonts are ready, writes facts (direction, where the highlighted names and
the headline's text stand, the quote badges, any script or image elements) into its own DOM as
JSON; ``chromium --dump-dom`` prints that DOM. Host names resolve nowhere, so the page must work
offline. Screenshots go to ``artifacts/browser/`` (git-ignored; CI keeps it).

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it). Without it the tests skip,
except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from arnews.render.html import ZWJ, render_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts" / "browser"
WIDTH = 1280
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND"]

HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" src="report.html" style="width:%(width)dpx;height:1000px;border:0"></iframe>
<pre id="facts">pending</pre>
<script>
function rect(el) { var b = el.getBoundingClientRect();
  return {left: b.left, right: b.right, top: b.top, width: b.width, height: b.height,
          lines: el.getClientRects().length}; }
function measure(d) {
  var w = d.defaultView, out = {};
  out.dir = w.getComputedStyle(d.documentElement).direction;
  out.lang = d.documentElement.lang;
  out.height = d.documentElement.scrollHeight;
  out.overflow = d.documentElement.scrollWidth - d.documentElement.clientWidth;
  out.scripts = d.querySelectorAll('script').length;
  out.images = d.querySelectorAll('img,iframe,object,embed').length;
  out.text = d.body.innerText;
  function marks(sel) { return Array.from(d.querySelectorAll(sel)).map(function (m) {
    var r = rect(m); r.text = m.textContent; r.type = m.getAttribute('data-type');
    r.block = Array.prototype.indexOf.call(d.querySelectorAll('h1, .article p'), m.closest('h1, p'));
    r.background = w.getComputedStyle(m).backgroundColor; r.image = w.getComputedStyle(m).backgroundImage;
    return r; }); }
  out.marks = marks('.article mark');
  out.headMarks = marks('h1 mark');
  var h1 = d.querySelector('h1'), range = d.createRange();
  range.selectNodeContents(h1);
  out.h1 = rect(h1);
  out.h1.textRight = Math.max.apply(null, Array.from(range.getClientRects()).map(function (r) { return r.right; }));
  var p = d.querySelector('.article p'), walker = d.createTreeWalker(p, NodeFilter.SHOW_TEXT), node;
  while ((node = walker.nextNode()) && (!node.textContent.trim() || node.parentElement.closest('.who'))) {}
  var first = d.createRange(); first.setStart(node, 0); first.setEnd(node, 1);
  out.firstPara = {right: p.getBoundingClientRect().right, firstCharRight: first.getBoundingClientRect().right,
                   firstChar: node.textContent[0]};
  out.quotes = Array.from(d.querySelectorAll('.article .quote')).map(function (q) {
    var who = q.querySelector('.who');
    return {speaker: q.getAttribute('data-speaker'), text: q.textContent,
            badge: who ? rect(who) : null, badgeText: who ? who.textContent : null}; });
  return out;
}
window.addEventListener('load', function () {
  var d = document.getElementById('f').contentDocument;
  d.fonts.ready.then(function () {
    var out;
    try { out = measure(d); } catch (e) { out = {error: String(e)}; }
    document.getElementById('facts').textContent = JSON.stringify(out);
  });
});
</script></body></html>
"""


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed, and CI=true requires the browser tests to run")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    return exe


def _run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    shutil.rmtree(profile, ignore_errors=True)
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def browse(chromium: str, html: str, work: Path, name: str) -> dict:
    """Lay ``html`` out in Chromium: the facts the harness measured, and a full-page screenshot
    saved as ``artifacts/browser/<name>.png``."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "report.html").write_text(html, encoding="utf-8")
    (work / "harness.html").write_text(HARNESS % {"width": WIDTH}, encoding="utf-8")
    res = _run(chromium, work / "profile", "--allow-file-access-from-files", "--virtual-time-budget=10000",
               "--dump-dom", (work / "harness.html").as_uri())
    m = re.search(r'<pre id="facts">(.*?)</pre>', res.stdout, re.S)
    assert m and m.group(1) != "pending", f"no layout facts from chromium: {res.stderr[-2000:]}"
    facts = json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                       .replace("&amp;", "&"))
    assert "error" not in facts, facts.get("error")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    height = min(int(facts["height"]) + 16, 12000)
    _run(chromium, work / "profile", f"--window-size={WIDTH},{height}", f"--screenshot={shot}",
         (work / "report.html").as_uri())
    assert shot.is_file(), "chromium wrote no screenshot"
    facts["screenshot"] = shot
    (ARTIFACTS / f"{name}.json").write_text(json.dumps({k: v for k, v in facts.items() if k != "screenshot"},
                                                       ensure_ascii=False, indent=1), encoding="utf-8")
    return facts


def _clean(s: str) -> str:
    return s.replace(ZWJ, "")


@pytest.fixture(scope="module")
def sample_facts(chromium, sample_doc, tmp_path_factory) -> dict:
    return browse(chromium, render_html(sample_doc.to_dict()), tmp_path_factory.mktemp("sample"), "report-sample")


def test_browser_report_is_laid_out_right_to_left(sample_facts):
    f = sample_facts
    assert f["dir"] == "rtl" and f["lang"] == "ar"
    assert f["overflow"] <= 0, "the page scrolls sideways"
    # the headline and the first paragraph start at their right edge
    assert abs(f["h1"]["textRight"] - f["h1"]["right"]) < 2
    assert abs(f["firstPara"]["firstCharRight"] - f["firstPara"]["right"]) < 2
    # names that follow each other on one line stand right to left
    pairs = 0
    for marks in (f["headMarks"], f["marks"]):
        one_line = [m for m in marks if m["lines"] == 1]
        for a, b in zip(one_line, one_line[1:]):
            if a["block"] == b["block"] and abs(a["top"] - b["top"]) < 3:
                assert a["left"] >= b["right"] - 1, (a["text"], b["text"])
                pairs += 1
    assert pairs >= 3, "too few names on a shared line to check the direction"


@pytest.mark.parametrize("name", ["حفتر", "القاهرة", "باشاغا"])
def test_browser_report_shows_highlighted_entities(sample_facts, name):
    marks = [m for m in sample_facts["marks"] if _clean(m["text"]) == name]
    assert marks, f"{name} is not highlighted"
    for m in marks:
        assert m["width"] > 10 and m["height"] > 10
        assert 0 <= m["left"] and m["right"] <= WIDTH
        assert m["background"] not in ("rgba(0, 0, 0, 0)", "transparent")


def test_browser_report_marks_quote_with_its_speaker(sample_facts):
    quotes = [q for q in sample_facts["quotes"] if "مصر دولة مهمة بالنسبة لليبيا" in _clean(q["text"])]
    assert quotes, "the quote is not marked"
    q = quotes[0]
    assert q["speaker"] == "فتحي باشاغا" and q["badgeText"] == "فتحي باشاغا"
    assert q["badge"]["width"] > 20 and q["badge"]["height"] > 8


def test_browser_report_screenshot_is_kept(sample_facts):
    shot = sample_facts["screenshot"]
    width, height = _png_size(shot)
    assert width == WIDTH and height >= 1000
    assert shot.stat().st_size > 30_000, "the screenshot looks blank"


def test_browser_hostile_article_renders_as_text(chromium, tmp_path):
    from arnews.analyze.pipeline import analyze_text

    evil_1, evil_2 = "<script>alert(1)</script>", "<img src=x onerror=alert(2)>"
    doc = analyze_text(f"خبر {evil_1}\n\nقال الوزير فتحي باشاغا: «مصر دولة مهمة {evil_2} بالنسبة لليبيا». "
                       "وزار القاهرة أمس \u202eمقلوب\u202c والتقى مسؤولين.")
    f = browse(chromium, render_html(doc.to_dict()), tmp_path, "report-hostile")
    assert f["scripts"] == 0 and f["images"] == 0
    text = _clean(f["text"])
    assert evil_1 in text and evil_2 in text and "U+202E" in text
    assert f["dir"] == "rtl"
