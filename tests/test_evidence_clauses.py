"""Evidence linked without a requirement is numbered under the 测评标准 clause it proves, not under 1).

Ⅲ-60 社区生活环境 has six clauses and its two requirements cite only 5）; a real 垃圾分类 page is linked
to it through clause 3）倡导"垃圾减量分类" (req 0). Tested on the real pages, in a real dossier DOCX
re-opened with python-docx, and in the package's file names.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as open_docx

from dangan.compose.dossier import make_dossier
from dangan.compose.evidence_select import OTHER, clause_of_link, evidence_label, select_evidence
from dangan.compose.package import make_package
from dangan.intake.batch import ingest_paths
from dangan.intake.tag import tag_document
from dangan.read.understand.taxonomy import load_edition
from dangan.workspace import init_workspace

ITEMS = Path(__file__).parents[1] / "bench" / "data" / "items"
SORTING = ITEMS / "real2" / "小区物业推动垃圾分类定时定点投放.txt"
AUDIT = ITEMS / "real4" / "瑞金市审计查出问题整改情况的报告.txt"


@pytest.fixture(scope="module")
def national():
    return load_edition("national-2015")


@pytest.fixture(scope="module")
def ws(tmp_path_factory, national):
    ws = init_workspace(tmp_path_factory.mktemp("clauses") / "ws")
    report = ingest_paths(ws, [SORTING, AUDIT], ocr=False).to_dict()
    ids = {Path(d["path"]).name: d["id"] for d in report["documents"]}
    # a clerk files the audit report under Ⅲ-60 as a whole: no clause of Ⅲ-60 speaks of audits
    tag_document(ws, ids[AUDIT.name], add_items=("Ⅲ-60",), taxonomy=national)
    return ws


def test_the_clause_of_a_link_without_a_requirement(national) -> None:
    c60 = national.content("Ⅲ-60")
    link = {"req": 0, "origin": "auto", "passage": "小区推行生活垃圾分类，定时定点投放，分类收集"}
    assert clause_of_link(c60, link) == 3
    assert clause_of_link(c60, {"req": 1, "origin": "auto"}) == 5          # a requirement keeps its clause
    assert clause_of_link(c60, {"req": 0, "origin": "manual", "passage": "审计查出问题整改"}) == OTHER
    assert evidence_label("Ⅲ-60", OTHER, 1) == "Ⅲ-60-其他-①"
    c77 = national.content("Ⅲ-77")                                         # one unnumbered standard
    assert clause_of_link(c77, {"req": 0, "origin": "manual", "passage": "审计"}) == 1


def test_dossier_numbers_it_under_the_clause_it_proves(ws, national, tmp_path) -> None:
    section = select_evidence(ws, national, ["Ⅲ-60"]).sections[0]
    labels = {e.doc.original_name: e.label for e in section.evidence}
    assert labels[SORTING.name] == "Ⅲ-60-3)-①"            # not Ⅲ-60-1)-①: clause 1) is 环境绿化美化
    assert labels[AUDIT.name] == "Ⅲ-60-其他-①"             # placed by no clause: after them, not under 1)
    assert [e.label for e in section.evidence] == ["Ⅲ-60-3)-①", "Ⅲ-60-其他-①"]
    result = make_dossier(ws, tmp_path / "d.docx", taxonomy=national, items=("Ⅲ-60",))
    document = open_docx(str(result.docx))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Ⅲ-60-3)-① ") for t in texts) and any(t.startswith("Ⅲ-60-其他-① ") for t in texts)
    assert not any(t.startswith("Ⅲ-60-1)-") for t in texts)
    lists = [t for t in document.tables if t.rows[0].cells[0].text == "编号"]
    rows = {r.cells[0].text: " ".join(c.text for c in r.cells) for t in lists for r in t.rows[1:]}
    assert "Ⅲ-60-3)-①" in rows and "Ⅲ-60-其他-①" in rows
    # the excerpt says which clause it proves, where a requirement's excerpt names the requirement
    assert "对应测评标准：3）倡导“垃圾减量分类”，生活垃圾定点投放、分类收集、定时清运；" in texts
    form = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert "Ⅲ-60-3)-①" in form["佐证材料"]


def test_package_files_carry_the_same_numbers(ws, national, tmp_path) -> None:
    result = make_package(ws, tmp_path / "pkg", taxonomy=national, items=("Ⅲ-60",))
    names = [p.name for p in result.path.rglob("*") if p.is_file()]
    assert any(n.startswith("Ⅲ-60-3)-①_") for n in names) and any(n.startswith("Ⅲ-60-其他-①_") for n in names)
