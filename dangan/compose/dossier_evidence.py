"""What the dossier says about one piece of evidence under a taxonomy, and its 编制说明.

- the excerpt: the passage the matcher found (stored with the link), the sentences
  that share most words with the requirement underlined in red (划红线), after a
  line naming the requirement it answers;
- a photo's caption: 时间、地点、人物、主题、背景、事由 (EXIF time, the rest from the
  fields set with `dangan tag ID --set 地点=…`), 待补 where nothing is known;
- the 编制说明: only what is true of this dossier (档号 only when the documents have
  them, how many links were made by hand and how many by the matcher).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dangan.compose.dossier_select import Segments, Selection, clean_text
from dangan.compose.evidence_select import CLAUSE_PREFIX
from dangan.compose.minutes.render import cn_number
from dangan.model import Document
from dangan.read.understand.evidence import tokens

__all__ = ["CAPTION", "intro_lines", "photo_caption", "proof_passages"]

CAPTION = ("时间", "地点", "人物", "主题", "背景", "事由")
FALLBACK = {"地点": ("拍摄地点", "place", "社区", "街道", "点位"), "主题": ("subject", "内容")}
MISSING = "（待补）"
SENTENCE = re.compile(r"(?<=[。！？；\n])")


def _date_cn(iso: str | None) -> str:
    try:
        return f"{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:10])}日" if iso and len(iso) >= 10 else ""
    except ValueError:
        return iso or ""


def photo_caption(doc: Document) -> list[tuple[str, str]]:
    """The six caption fields of a photo, in order; 待补 where unknown."""
    tags = doc.tags or {}
    out = []
    for name in CAPTION:
        if name == "时间":
            value = _date_cn(doc.taken_at or doc.doc_date)
        else:
            value = tags.get(name) or next((tags[k] for k in FALLBACK.get(name, ()) if tags.get(k)), "")
            if name == "主题" and not value:
                value = doc.title or ""
        out.append((name, value or MISSING))
    return out


def requirement_line(requirement: str) -> Segments:
    """对应申报要求：…, or 对应测评标准：3）… for a link through a clause no requirement cites."""
    if requirement.startswith(CLAUSE_PREFIX):
        return (("对应测评标准：", None), (requirement.removeprefix(CLAUSE_PREFIX), False))
    return (("对应申报要求：", None), (requirement, False))


def proof_passages(evidence: Any) -> list[Segments]:
    """The requirement line, then the stored passage with its proving sentences flagged "proof"."""
    out: list[Segments] = []
    if evidence.requirement:
        out.append(requirement_line(evidence.requirement))
    if not evidence.passage:
        return out
    text = clean_text(evidence.passage)
    sentences = [s for s in SENTENCE.split(text) if s.strip()]
    wanted = set(tokens(evidence.requirement)) if evidence.requirement else set()
    overlap = [len(set(tokens(s)) & wanted) for s in sentences]
    best = max(overlap, default=0)
    marked = {i for i, n in enumerate(overlap) if n and n >= max(2, best * 0.6)}
    if not marked and sentences:
        marked = {overlap.index(best)} if best else set(range(min(2, len(sentences))))
    segments: list[tuple[str, bool | str | None]] = [("摘录：", None)]
    segments += [(s, "proof" if i in marked else False) for i, s in enumerate(sentences)]
    out.append(tuple(segments))
    return out


def intro_lines(selection: Selection, documents: Sequence[Document], pages: int, photos: int,
                with_originals: bool, taxonomy_name: str | None, inside: int = 0) -> list[str]:
    """编制说明 that claims nothing the dossier does not hold."""
    sections = selection.sections
    coded = [s for s in sections if s.code]
    if taxonomy_name and coded:
        names = "、".join(f"{s.code}{s.name}" for s in coded[:3])
        scope = f"按《{taxonomy_name}》，将{names}{'等' if len(coded) > 3 else ''}{cn_number(len(coded))}项测评内容"
    elif coded:
        names = "、".join(s.name for s in coded[:3])
        scope = f"将{names}{'等' if len(coded) > 3 else ''}{cn_number(len(coded))}个测评项目"
    else:
        scope = f"将与“{selection.query}”相关" if selection.query else "将所选"
    photo_note = f"，其中照片{photos}张" if photos else ""
    if inside:   # the photos of a Word file of photos, shown after its text
        photo_note += f"{'；' if photos else '，'}Word 文件和演示文稿中的图片{inside}张附在所在材料之后"
    lines = [f"为迎接全国文明城市测评，现{scope}的佐证材料汇编成册。",
             f"本汇编共{cn_number(len(sections))}个部分，收录材料{len(documents)}件、{pages}页{photo_note}。"]
    if taxonomy_name:
        evidence = [e for s in sections for e in s.evidence]
        manual = sum(1 for e in evidence if e.origin == "manual")
        lines.append("每部分依次为测评材料提交表、佐证材料目录和各件材料。佐证材料按“测评内容-标准分条-序号”编号"
                     f"（如{evidence[0].label if evidence else 'Ⅲ-77-1)-①'}），目录、摘录标题和原件文件名使用同一编号；"
                     "摘录中用红线标出的是与网上申报要求对应的语句。")
        lines.append(_origins(manual, len(evidence) - manual) if evidence else "")
    else:
        lines.append("每部分依次列出测评标准、佐证材料目录和各件材料的相关内容，"
                     "摘录中加粗并加下划线的文字为与测评内容相关的词句。")
    coded_docs = sum(1 for d in documents if d.archival_code)
    if documents and coded_docs == len(documents):
        lines.append("材料均已归档编号，可按档号调阅。")
    elif coded_docs:
        lines.append(f"其中{coded_docs}件已归档编号，可按档号调阅；其余{len(documents) - coded_docs}件尚未编档号。")
    else:
        lines.append("材料尚未归档编号（编号后可重新生成本汇编，目录将列出档号）。")
    lines.append("原件清单见附件1，原件附于附件2（文本、表格等已转为页面图像）。" if with_originals
                 else "原件清单见附件1。")
    return [line for line in lines if line]


def _origins(manual: int, auto: int) -> str:
    """Who placed the evidence, without a 0件 clause (其中4件由工作人员指定…，0件由系统…自动归入 read oddly)."""
    by_hand = "由工作人员指定所属申报要求"
    by_system = "由系统按申报要求的文字自动归入（置信度0.6以上）"
    if not auto:
        return f"这{manual}件材料均{by_hand}。" if manual > 1 else f"这件材料{by_hand}。"
    if not manual:
        return f"这{auto}件材料均{by_system}，请逐件核对。" if auto > 1 else f"这件材料{by_system}，请核对。"
    return f"其中{manual}件{by_hand}，{auto}件{by_system}，请逐件核对。"
