"""A scale corpus: N official documents built from real paragraphs of ../shared/corpus.

Each document has a campaign title by its 文种 (关于开展生活垃圾分类专项行动的通知…),
an issuing unit of the district, a 发文字号 (区城管发〔2022〕17号), a 成文日期, the
evaluation items its topic belongs to, and a body of consecutive real
paragraphs (about 3,000 characters) from one corpus text, opened by a sentence
on its topic. Document i depends only on (seed, i): any one can be remade alone.

    python -m bench.scale_corpus 5 --seed 7      # print five documents
"""
from __future__ import annotations

import functools
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.common import CORPUS

VERSION = 1   # bump when the output changes: cached files are keyed on it
TYPES = {"通知": 25, "通报": 12, "报告": 10, "请示": 6, "批复": 4, "函": 8, "纪要": 8, "意见": 5,
         "方案": 8, "讲话": 5, "总结": 5, "简报": 4}
NUMBERED = {"通知", "通报", "报告", "请示", "批复", "函", "意见"}
ISSUERS = [("区文明办", "区文明办"), ("区创建办", "区创建办发"), ("区人民政府办公室", "区府办发"),
           ("区城市管理局", "区城管发"), ("区住房和城乡建设局", "区住建发"), ("区生态环境分局", "区环发"),
           ("区教育局", "区教发"), ("区卫生健康委员会", "区卫健发"), ("区市场监督管理局", "区市监发"),
           ("区交通运输局", "区交发"), ("区商务局", "区商发"), ("区民政局", "区民发"),
           ("城关街道办事处", "城关街发"), ("新华街道办事处", "新华街发"), ("东风街道办事处", "东风街发"),
           ("和平街道办事处", "和平街发"), ("向阳街道办事处", "向阳街发"), ("区委宣传部", "区宣发")]
TOPICS = {   # topic → evaluation items (taxonomy/default.toml)
    "生活垃圾分类": ("A05.03",), "背街小巷整治": ("A05.02",), "主次干道市容整治": ("A05.01",),
    "农贸市场整治": ("A06.01",), "集贸市场周边环境治理": ("A06.02",), "“六小”门店整治": ("A07.01",),
    "窗口行业文明服务": ("A08.01",), "未成年人思想道德建设": ("A04",), "学校周边环境整治": ("A04.01",),
    "社区志愿服务": ("A09.01",), "公益广告宣传": ("A02.01",), "社区综合达标": ("A01",),
    "测评资料收集整理": ("A03.01",), "创建全国文明城市": ("A01", "A02"), "文明交通劝导": ("A08.02",),
    "啄木鸟行动问题整改": ("A05", "A06"), "老旧小区改造": ("A01.01",), "公共厕所管理": ("A05.03",),
}
TITLES = {
    "通知": ["关于开展{t}专项行动的通知", "关于做好{t}工作的通知", "关于印发《{y}年{t}实施方案》的通知"],
    "通报": ["关于{t}督查情况的通报", "关于{t}工作排位情况的通报", "关于{t}问题整改情况的通报"],
    "报告": ["关于{t}工作情况的报告", "关于{y}年{t}进展情况的报告"],
    "请示": ["关于{t}工作经费的请示", "关于增配{t}工作人员的请示"],
    "批复": ["关于{t}实施方案的批复"], "函": ["关于商请支持{t}工作的函", "关于协助开展{t}的函"],
    "纪要": ["{t}工作推进会议纪要", "{t}专题协调会议纪要"], "意见": ["关于进一步加强{t}的意见"],
    "方案": ["{y}年{t}工作方案", "{t}百日攻坚行动方案"], "讲话": ["在{t}推进会上的讲话"],
    "总结": ["{y}年{t}工作总结"], "简报": ["{t}工作简报（第{n}期）"],
}
OPENINGS = ["为深入推进{t}工作，巩固创建全国文明城市成果，根据上级有关要求，结合我区实际，现将有关事项{v}如下：",
            "{y}年{m}月以来，各街道、各部门认真落实{t}工作部署，现将有关情况{v}如下：",
            "按照区委、区政府关于{t}的统一部署，{d}，{v}如下："]
VERBS = {"通知": "通知", "通报": "通报", "报告": "报告", "请示": "请示", "意见": "提出意见"}
RECIPIENTS = "各街道办事处，区直各部门、各单位："


@dataclass(frozen=True, slots=True)
class ScaleDoc:
    number: int       # 0-based position in the corpus
    title: str
    doc_type: str
    issuer: str
    doc_number: str
    doc_date: str     # ISO
    items: tuple[str, ...]
    text: str         # the whole document as a file would hold it

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> ScaleDoc:
        data = json.loads(line)
        return cls(**{**data, "items": tuple(data["items"])})


@functools.cache
def paragraphs() -> tuple[tuple[str, ...], ...]:
    """Real paragraphs (≥ 30 characters, mostly Chinese), grouped by source text, in order."""
    from dangan.read.extract.text import decode_text

    out = []
    for path in sorted((CORPUS / "txt").rglob("*.txt")):
        if "encoding_variants" in str(path):   # the same texts again, re-encoded
            continue
        text = decode_text(path.read_bytes())[0]
        keep = tuple(p.strip() for p in re.split(r"\n\s*", text)
                     if len(p.strip()) >= 30 and len(re.findall(r"[\u4e00-\u9fff]", p)) > len(p) * 0.6)
        if len(keep) >= 10:
            out.append(keep)
    return tuple(out)


def make_doc(i: int, seed: int = 1, mean_chars: int = 3000) -> ScaleDoc:
    rnd = random.Random(f"{seed}:{i}")
    doc_type = rnd.choices(list(TYPES), weights=list(TYPES.values()))[0]
    issuer, code = rnd.choice(ISSUERS)
    topic = rnd.choice(list(TOPICS))
    year, month, day = rnd.randint(2019, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
    title = rnd.choice(TITLES[doc_type]).format(t=topic, y=year, n=rnd.randint(1, 60))
    number = f"{code}〔{year}〕{rnd.randint(1, 150)}号" if doc_type in NUMBERED else ""
    opening = rnd.choice(OPENINGS).format(t=topic, y=year, m=month, v=VERBS.get(doc_type, "说明"),
                                          d=f"{issuer}牵头组织实施")
    body = [opening, *_body(rnd, max(800, int(rnd.gauss(mean_chars, mean_chars / 4))))]
    date_cn = f"{year}年{month}月{day}日"
    head = [f"{issuer}文件", number] if number else [issuer]
    lines = [*head, "", title, "", RECIPIENTS if doc_type in NUMBERED else "", *body, "",
             issuer, date_cn]
    return ScaleDoc(number=i, title=title, doc_type=doc_type, issuer=issuer, doc_number=number,
                    doc_date=f"{year}-{month:02d}-{day:02d}", items=TOPICS[topic],
                    text="\n".join(line for line in lines if line is not None))


def _body(rnd: random.Random, chars: int) -> list[str]:
    """Consecutive paragraphs of one real text, from a random place, about `chars` long."""
    source = rnd.choice(paragraphs())
    start = rnd.randrange(len(source))
    out, size = [], 0
    while size < chars:
        para = source[start % len(source)]
        out.append(para)
        size += len(para)
        start += 1
    return out


def docs(n: int, seed: int = 1, start: int = 0) -> Iterator[ScaleDoc]:
    for i in range(start, start + n):
        yield make_doc(i, seed)


def jsonl(n: int, seed: int = 1) -> Path:
    """The corpus as JSON lines under bench/work/scale/, made once per (n, seed, VERSION)."""
    from bench.common import WORK

    path = WORK / "scale" / f"docs-v{VERSION}-s{seed}-{n}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for doc in docs(n, seed):
                fh.write(doc.to_json() + "\n")
        tmp.replace(path)
    return path


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[ScaleDoc]:
    with path.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if limit is not None and k >= limit:
                return
            yield ScaleDoc.from_json(line)


def write_tree(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """The corpus as UTF-8 text files, folders by year and 文种 (as an office files them)."""
    out = []
    for doc in docs(n, seed):
        safe = re.sub(r"[\\/:*?\"<>|《》“”（）]", "", doc.title)[:24]
        path = folder / doc.doc_date[:4] / doc.doc_type / f"{doc.number:06d}_{safe}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc.text, encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    for doc in docs(int(args[0]) if args else 3, seed):
        print(f"== {doc.number} {doc.doc_type} {doc.doc_number} {doc.doc_date} {doc.items}")
        print(doc.text[:400], "…", f"({len(doc.text)} 字)")
