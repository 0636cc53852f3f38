"""Issue 22, item 14: template bombs fail fast and small; rendering runs in a limited child."""
from __future__ import annotations

import sys

import pytest
from test_reliability_limits import run_measured

TEMPLATE_SCRIPT = """
import sys, time
from pathlib import Path
from docx import Document
from dangan.compose.sandbox import fixed, render_docx
from dangan.errors import TemplateError
template = Path(sys.argv[1]) / "bomb.docx"
doc = Document(); doc.add_paragraph(sys.argv[2]); doc.save(template)
try:
    render_docx(template, fixed({}), Path(sys.argv[1]) / "out.docx", seconds=float(sys.argv[3]))
    print("RENDERED")
except TemplateError as error:
    print("TEMPLATE_ERROR", error.message)
"""


@pytest.mark.parametrize("body", [
    '{{ "%0600000000d"|format(1) }}',
    '{{ "%0600000000d" % 1 }}',
    '{{ "%*d"|format(600000000, 1) }}',
    '{{ "{:0600000000d}".format(1) }}',
    '{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}',
])
def test_template_bombs_fail_fast_and_small(tmp_path, body):
    code, rss, seconds, out = run_measured([sys.executable, "-c", TEMPLATE_SCRIPT, str(tmp_path), body, "60"],
                                           timeout=90)
    assert "TEMPLATE_ERROR" in out, out[-2000:]
    assert seconds < 30 and rss < 600, (seconds, rss)


def test_a_render_past_its_time_is_killed(tmp_path):
    body = ('{% for i in range(150000) %}{% for c in "abcdefghijklmnopqrstuvwxyz" %}'
            '{% for d in "abcdefghijklmnopqrstuvwxyz" %}{{ c }}{% endfor %}{% endfor %}{% endfor %}')
    code, rss, seconds, out = run_measured([sys.executable, "-c", TEMPLATE_SCRIPT, str(tmp_path), body, "3"],
                                           timeout=90)
    assert "TEMPLATE_ERROR" in out and "超过" in out, out[-2000:]
    assert seconds < 30, seconds
    assert not (tmp_path / "out.docx").exists()


def test_ordinary_formats_still_render(tmp_path):
    from docx import Document

    from dangan.compose.sandbox import fixed, render_docx

    template = tmp_path / "ok.docx"
    doc = Document()
    doc.add_paragraph('{{ "%05.1f"|format(3.14159) }} {{ "%s-%s" % ("a", "b") }} {{ "{:>4}".format(7) }}'
                      '{% for i in range(3) %}[{{ i }}]{% endfor %}')
    doc.save(template)
    out = render_docx(template, fixed({}), tmp_path / "out.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "003.1 a-b    7[0][1][2]" in text, text
