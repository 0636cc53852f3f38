"""Speech outlines of real reports: the State Council's 2024 and 2025 work reports, provincial DOCX reports (split from test_speech.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dangan.compose.minutes.speech import (
    OutlineNode,
    iter_nodes,
    parse_document,
    parse_outline,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SEED = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
REPORTS = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
PROVINCIAL = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="corpus not available")


# --- real reports -----------------------------------------------------------

def _headings(nodes: list[OutlineNode], pattern: str) -> list[tuple[str, str]]:
    return [(n.number, n.heading) for _, n in iter_nodes(nodes) if re.fullmatch(pattern, n.number)]


TOP = r"[一二三四五六七八九十]+、"
SUB = r"（[一二三四五六七八九十]+）"


def test_state_council_report_2024() -> None:
    nodes = parse_outline((REPORTS / "2024年中华人民共和国国务院政府工作报告.txt").read_text(encoding="utf-8"))
    assert _headings(nodes, TOP) == [
        ("一、", "2023年工作回顾"),
        ("二、", "2024年经济社会发展总体要求和政策取向"),
        ("三、", "2024年政府工作任务"),
    ]
    assert [n.level for n in nodes] == [1, 1, 1]
    assert _headings(nodes, SUB) == [
        ("（一）", "大力推进现代化产业体系建设，加快发展新质生产力"),
        ("（二）", "深入实施科教兴国战略，强化高质量发展的基础支撑"),
        ("（三）", "着力扩大国内需求，推动经济实现良性循环"),
        ("（四）", "坚定不移深化改革，增强发展内生动力"),
        ("（五）", "扩大高水平对外开放，促进互利共赢"),
        ("（六）", "更好统筹发展和安全，有效防范化解重点领域风险"),
        ("（七）", "坚持不懈抓好“三农”工作，扎实推进乡村全面振兴"),
        ("（八）", "推动城乡融合和区域协调发展，大力优化经济布局"),
        ("（九）", "加强生态文明建设，推进绿色低碳发展"),
        ("（十）", "切实保障和改善民生，加强和创新社会治理"),
    ]
    assert len(nodes[2].children) == 10
    # 一是…六是 in the review's summary paragraph
    assert [c.number for c in nodes[0].children] == ["一是", "二是", "三是", "四是", "五是", "六是"]


def test_state_council_report_2025() -> None:
    nodes = parse_outline((REPORTS / "2025年中华人民共和国国务院政府工作报告.txt").read_text(encoding="utf-8"))
    assert _headings(nodes, TOP) == [
        ("一、", "2024年工作回顾"),
        ("二、", "2025年经济社会发展总体要求和政策取向"),
        ("三、", "2025年政府工作任务"),
    ]
    assert _headings(nodes, SUB) == [
        ("（一）", "大力提振消费、提高投资效益，全方位扩大国内需求"),
        ("（二）", "因地制宜发展新质生产力，加快建设现代化产业体系"),
        ("（三）", "深入实施科教兴国战略，提升国家创新体系整体效能"),
        ("（四）", "推动标志性改革举措加快落地，更好发挥经济体制改革牵引作用"),
        ("（五）", "扩大高水平对外开放，积极稳外贸稳外资"),
        ("（六）", "有效防范化解重点领域风险，牢牢守住不发生系统性风险底线"),
        ("（七）", "着力抓好“三农”工作，深入推进乡村全面振兴"),
        ("（八）", "推进新型城镇化和区域协调发展，进一步优化发展空间格局"),
        ("（九）", "协同推进降碳减污扩绿增长，加快经济社会发展全面绿色转型"),
        ("（十）", "加大保障和改善民生力度，提升社会治理效能"),
    ]
    assert all(len(c.text) > 200 for c in nodes[2].children)


def test_yunnan_docx_report() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document(str(PROVINCIAL / "2025年云南省政府工作报告.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    parsed = parse_document("\n".join(paragraphs))
    nodes = list(parsed.nodes)
    assert [(n.number, n.heading) for n in nodes[:3]] == [
        ("一、", "2024年工作回顾"),
        ("二、", "2025年总体要求"),
        ("三、", "2025年重点任务"),
    ]
    assert [len(n.children) for n in nodes[:3]] == [8, 5, 9]
    assert nodes[0].children[0].heading == "经济运行稳进提质"
    assert nodes[2].children[0].heading == "统筹消费和投资，加快释放内需潜力"
    assert nodes[2].children[8].heading == "有效防范化解重点领域风险，牢牢守住不发生系统性风险底线"
    # 名词解释 1.–44. and the annex's 10 件惠民实事 一、–十、 are sections of their own
    glossary, annex = nodes[3], nodes[4]
    assert (glossary.number, glossary.heading, len(glossary.children)) == ("", "名词解释", 44)
    assert annex.heading == "附件 2025年10件惠民实事"
    assert [c.heading for c in annex.children][:2] == ["稳定和扩大就业", "深化“一老一小”关爱服务"]
    assert len(annex.children) == 10
    assert parsed.epilogue.startswith("各位代表！")


@pytest.mark.parametrize("name", ["2025年浙江省政府工作报告.docx", "2025年江西省政府工作报告.docx"])
def test_every_numbered_heading_is_found_in_docx(name: str) -> None:
    docx = pytest.importorskip("docx")
    paragraphs = [p.text.strip() for p in docx.Document(str(PROVINCIAL / name)).paragraphs]
    expected = [re.match(rf"{TOP}|{SUB}", p).group(0) for p in paragraphs if re.match(rf"{TOP}|{SUB}", p)]
    nodes = parse_outline("\n".join(paragraphs))
    found = [num for num, _ in _headings(nodes, rf"{TOP}|{SUB}")]
    assert found == expected and len(expected) >= 12
