"""Build dangan/taxonomy/national-2015.toml from the shared 测评体系 data.

Source: ../shared/data/cepingtixi/requirements.json (rows of a district 创文办's
task system, 2017-05-02, table nk_document_common; see that folder's README).
Every code and text in the output is copied from a row, and every entry names
the row ids it came from (`rows`), so it can be traced back. Nothing is
invented: rows without a 测评内容 code are attributed only by the two rules
below (and say so in `placed`), the rest are kept under [[unplaced]].

  - "续行": the row directly before it (id - 1) is in the same 测评项目 and has a
    code, and this row has no 测评标准 of its own (the spreadsheet's merged
    cells were lost in the export);
  - "同标准": its 测评标准 text equals one recorded for exactly one 测评内容.

Usage: python tools/build_taxonomy.py [requirements.json] [out.toml]
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "cepingtixi" / "requirements.json"
DEFAULT_OUT = ROOT / "dangan" / "taxonomy" / "national-2015.toml"

KINDS = ("规范文件", "说明报告", "统计表格", "实景图片", "作出评价")
MARKS = "①②③④⑤⑥⑦⑧⑨⑩"
CODE = re.compile(r"^\s*([ⅠⅡⅢ]-\d+)\s*(.*)$", re.S)
CLAUSE = re.compile(r"^\s*(\d+)[）)]")


def squash(text: str) -> str:
    """Line breaks and runs of blanks inside one field → nothing (CJK) or one space."""
    text = re.sub(r"\s*\n\s*", "", text.strip())
    return re.sub(r"[ \t\u3000]+", " ", text)


def split_code(text: str) -> tuple[str, str]:
    """'Ⅲ-81\\n宣传动员' → ('Ⅲ-81', '宣传动员'); a headline that repeats codes keeps the first."""
    m = CODE.match(text or "")
    if not m:
        return "", squash(text or "")
    rest = re.split(r"\n?\s*[ⅠⅡⅢ]-\d+", m.group(2))[0]
    return m.group(1), squash(rest)


@dataclass
class Content:
    code: str
    name: str
    item: str
    indicator: str
    rows: list[int] = field(default_factory=list)
    standards: dict[str, dict] = field(default_factory=dict)   # key → {clause, text, rows}
    requirements: list[dict] = field(default_factory=list)
    fields: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)


def standard_parts(raw: str) -> tuple[list[tuple[int, str]], list[str], str]:
    """(clauses [(n, text)], grade tiers, unit) of one row's 测评标准 column.

    Some cells hold a pasted spreadsheet line (tab-separated: code, standard,
    requirement, 责任单位) or a row of scoring tiers; both are taken apart here.
    """
    raw = raw.strip()
    if not raw:
        return [], [], ""
    unit = ""
    if "\t" in raw:
        cells = [c.strip() for c in raw.split("\t")]
        if CODE.match(cells[0]):                       # pasted line: code, standard…, requirement, unit
            texts = [c for c in cells[1:] if CLAUSE.match(c)]
            tail = [c for c in cells[1:] if c and not CLAUSE.match(c) and c[0] not in MARKS]
            unit = tail[-1] if tail and len(tail[-1]) <= 12 else ""
            raw = "\n".join(texts)
        else:                                          # scoring tiers
            return [], [squash(c).strip("；;") for c in cells if c.strip("；; ")], ""
    # A cell whose clause number slid to the end of its text ("）制定…；\n2", Ⅲ-89's row 220, the
    # spreadsheet's line break landing inside "2）"): the number is put back before its bracket.
    if (slid := re.fullmatch(r"\s*[）)](?P<text>.*?)\n\s*(?P<n>\d{1,2})\s*", raw, re.S)) is not None:
        raw = f"{slid.group('n')}）{slid.group('text')}"
    parts = re.split(r"\n\s*(?=\d+[）)])", raw)
    clauses = []
    for part in parts:
        m = CLAUSE.match(part)
        clauses.append((int(m.group(1)) if m else 0, squash(part)))
    return clauses, [], unit


def split_requirements(title: str) -> list[tuple[str, str]]:
    """One row's 网上申报 text → [(mark, text)], split where a line starts with ①②…"""
    pieces = re.split(rf"\n\s*(?=[{MARKS}])", title.strip())
    out = []
    for piece in pieces:
        piece = squash(piece)
        mark = piece[0] if piece and piece[0] in MARKS else ""
        out.append((mark, piece[1:].strip() if mark else piece))
    return out


def is_online(title: str) -> bool:
    return any(k in title for k in KINDS)


def load_rows(source: Path) -> list[dict]:
    rows = json.loads(source.read_text(encoding="utf-8"))
    return sorted(rows, key=lambda r: int(r["id"]))


def _first_mark(text: str) -> int:
    m = re.search(f"[{MARKS}]", text)
    return MARKS.index(m.group()) + 1 if m else 0


def _last_mark(text: str) -> int:
    found = re.findall(f"[{MARKS}]", text)
    return MARKS.index(found[-1]) + 1 if found else 0


def place_rows(rows: list[dict]) -> tuple[list[tuple[dict, str, str]], list[dict]]:
    """Each type-1 row with its 测评内容 code and how it was placed; the rest unplaced."""
    by_id = {int(r["id"]): r for r in rows}
    coded: dict[int, str] = {}
    std_owner: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["type"] != "1":
            continue
        code, _ = split_code(r["test_content"])
        if not code and r["test_content"].strip():
            code = squash(r["index_name"]) or squash(r["test_content"])   # the 荣誉称号 row: named, no number
        if code:
            coded[int(r["id"])] = code
            for _, text in standard_parts(r["evaluation_standard"])[0]:
                std_owner[text.rstrip("。；;")].add(code)
    placed, unplaced = [], []
    for r in rows:
        if r["type"] != "1":
            continue
        rid = int(r["id"])
        if rid in coded:
            placed.append((r, coded[rid], ""))
            continue
        prev = by_id.get(rid - 1)
        clauses = standard_parts(r["evaluation_standard"])[0]
        owners = {c for _, t in clauses for c in std_owner.get(t.rstrip("。；;"), ())}
        if len(owners) == 1:
            code, how = owners.pop(), "同标准"
        elif (not clauses and prev is not None and prev.get("headline") == r["headline"]
              and int(prev["id"]) in coded and _first_mark(r["title"]) > _last_mark(prev["title"]) > 0):
            code, how = coded[int(prev["id"])], "续行"
            coded[rid] = code
        else:
            unplaced.append(r)
            continue
        placed.append((r, code, how))
    return placed, unplaced


def build(rows: list[dict]) -> dict:
    items: dict[str, str] = {}
    indicators: dict[str, tuple[str, str]] = {}
    contents: dict[str, Content] = {}
    head_of: dict[str, tuple[str, str]] = {}
    placed, unplaced = place_rows(rows)
    for r, code, _ in placed:
        icode, iname = split_code(r["headline"])
        if icode:
            items.setdefault(icode, iname)
        xcode, xname = split_code(r["index_name"])
        if xcode and code not in head_of:
            head_of[code] = (icode, xcode)
            indicators.setdefault(xcode, (xname, icode))
    for r, code, how in placed:
        rid = int(r["id"])
        icode, xcode = head_of.get(code, (split_code(r["headline"])[0], ""))
        _, cname = split_code(r["test_content"])
        c = contents.get(code)
        if c is None:
            c = contents[code] = Content(code, cname, icode, xcode)
        c.rows.append(rid)
        clauses, grades, unit = standard_parts(r["evaluation_standard"])
        for n, text in clauses:
            key = text.rstrip("。；;")
            entry = c.standards.setdefault(key, {"clause": n, "text": text, "rows": []})
            if len(text) > len(entry["text"]):
                entry["text"] = text
            entry["rows"].append(rid)
        if is_online(r["title"]):
            clause = clauses[0][0] if clauses else 0
            for mark, text in split_requirements(r["title"]):
                kinds = [k for k in KINDS if k in text]
                req = {"mark": mark, "clause": clause, "text": text, "kinds": kinds, "row": rid}
                if grades:
                    req["grades"] = grades
                if how:
                    req["placed"] = how
                c.requirements.append(req)
            if unit:
                c.requirements[-1].setdefault("units_note", unit)
        else:
            point, _, text = r["title"].strip().partition("：")
            c.fields.append({"point": squash(point), "text": squash(text) if text else "", "row": rid})
    # The unit in a pasted line belongs to the requirement quoted in that line.
    for c in contents.values():
        for req in c.requirements:
            unit = req.pop("units_note", None)
            if unit:
                quoted = next((r for r in rows if r["id"] == str(req["row"])), None)
                cells = quoted["evaluation_standard"].split("\t") if quoted else []
                target = next((q for q in c.requirements for cell in cells
                               if cell.strip() and squash(cell).lstrip(MARKS).startswith(q["text"][:20])), req)
                target["units"] = [unit]
                target["units_row"] = req["row"]
    for r in rows:                                    # 问卷 (type 5): code in title
        if r["type"] != "5":
            continue
        code, cname = split_code(r["title"])
        if not code:
            continue
        icode, iname = split_code(r["headline"])
        xcode, xname = split_code(r["index_name"])
        items.setdefault(icode, iname)
        c = contents.get(code)
        if c is None:
            c = contents[code] = Content(code, re.sub(r"（.*?）$", "", cname), icode, xcode)
            if xcode:
                indicators.setdefault(xcode, (xname, icode))
        c.rows.append(int(r["id"]))
        for mark, text in split_requirements(r["test_content"]):
            c.questions.append({"text": text, "row": int(r["id"])})
    return {"items": items, "indicators": indicators, "contents": contents, "unplaced": unplaced}


def _num(code: str) -> tuple[int, int, str]:
    m = re.match(r"[ⅠⅡⅢ]-(\d+)", code)
    return (0, int(m.group(1)), code) if m else (1, 0, code)


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render(model: dict, source: Path) -> str:
    out = [
        "# 全国文明城市测评体系（2015年版·城区）— GENERATED by tools/build_taxonomy.py; do not edit by hand.",
        "# Source rows: shared data cepingtixi/requirements.json (nk_document_common, 2017-05-02);",
        "# `rows`/`row` are the ids of the rows each entry was copied from.",
        "# Requirement `clause` 0 = the 测评标准 has no numbered clauses (numbered as 1) in evidence marks).",
        "",
        "[meta]",
        'code = "national-2015"',
        'name = "全国文明城市测评体系（2015年版·城区）"',
        'levels = ["测评项目", "指标", "测评内容"]',
        'source = "wssflylshily/OASystem nankai20170502.sql, nk_document_common (天津市南开区创文办, 2017-05-02)"',
        'note = "区级分解数据，非官方全文：缺 Ⅰ-8、Ⅱ-34、Ⅱ-38、Ⅲ-58/72/76/78/86–88；部分测评标准只录了分条；未录分值。"',
        "",
    ]
    for code in sorted(model["items"], key=_num):
        out += ["[[items]]", f"code = {q(code)}", f"name = {q(model['items'][code])}", ""]
    for code in sorted(model["indicators"], key=_num):
        name, item = model["indicators"][code]
        out += ["[[indicators]]", f"code = {q(code)}", f"name = {q(name)}", f"item = {q(item)}", ""]
    for code in sorted(model["contents"], key=_num):
        c = model["contents"][code]
        out += ["[[contents]]", f"code = {q(c.code)}", f"name = {q(c.name)}", f"item = {q(c.item)}",
                f"indicator = {q(c.indicator)}", f"rows = {sorted(set(c.rows))}", ""]
        for s in sorted(c.standards.values(), key=lambda s: (s["clause"], s["rows"][0])):
            out += ["  [[contents.standards]]", f"  clause = {s['clause']}", f"  text = {q(s['text'])}",
                    f"  rows = {sorted(set(s['rows']))}", ""]
        reqs = sorted(c.requirements, key=lambda r: (r["clause"], MARKS.index(r["mark"]) if r["mark"] else 99,
                                                     r["row"]))
        seen: set[tuple[int, str]] = set()
        no = 0
        for r in reqs:
            if (r["clause"], r["text"]) in seen:
                continue
            seen.add((r["clause"], r["text"]))
            no += 1
            out += ["  [[contents.requirements]]", f"  no = {no}", f"  mark = {q(r['mark'])}",
                    f"  clause = {r['clause']}", f"  text = {q(r['text'])}",
                    f"  kinds = {json.dumps(r['kinds'], ensure_ascii=False)}", f"  row = {r['row']}"]
            if r.get("units"):
                out += [f"  units = {json.dumps(r['units'], ensure_ascii=False)}", f"  units_row = {r['units_row']}"]
            if r.get("grades"):
                out += [f"  grades = {json.dumps(r['grades'], ensure_ascii=False)}"]
            if r.get("placed"):
                out += [f"  placed = {q(r['placed'])}"]
            out.append("")
        seen_f: set[tuple[str, str]] = set()
        for f in c.fields:
            if (f["point"], f["text"]) in seen_f:
                continue
            seen_f.add((f["point"], f["text"]))
            out += ["  [[contents.field]]", f"  point = {q(f['point'])}", f"  text = {q(f['text'])}",
                    f"  row = {f['row']}", ""]
        for qu in c.questions:
            out += ["  [[contents.questions]]", f"  text = {q(qu['text'])}", f"  row = {qu['row']}", ""]
    for r in model["unplaced"]:
        out += ["[[unplaced]]", f"row = {int(r['id'])}", f"headline = {q(squash(r['headline']))}",
                f"standard = {q(squash(r['evaluation_standard']))}", f"text = {q(squash(r['title']))}", ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    target = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    model = build(load_rows(source))
    target.write_text(render(model, source), encoding="utf-8")
    n_req = sum(len(c.requirements) for c in model["contents"].values())
    print(f"{target}: {len(model['items'])} 测评项目, {len(model['indicators'])} 指标, "
          f"{len(model['contents'])} 测评内容, {n_req} 网上申报 rows, {len(model['unplaced'])} unplaced")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
