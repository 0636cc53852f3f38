"""A paper's kind as an office says it and as the paper's title prints it, one table read both ways.

The organ table (organs.py) turns 市政府办 into 市人民政府办公室; this one does the same for the words that
name a document: a clerk asks for 洪泽区 2023 信息公开 年报, the report is titled 2023年政府信息公开工作年度
报告. Each entry is a short form whose long form is not a span of it (纪要 already finds 会议纪要, 工作报告
already finds 政府工作报告: those need nothing), said and printed in real use, with the reason it is here.
A search looks for each form as an alternative of the typed word (index/query_forms.py), never instead.
"""
from __future__ import annotations

import re

# short form -> the long forms titles print, each with why (where the short form is said, where the long printed)
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    # 《政府信息公开条例》 art. 49–50: 政府信息公开工作年度报告, which offices, their sites and the press call 年报
    # (关于做好政府信息公开工作年报…); some districts title it …政府信息公开年报 — read both ways
    "年报": ("年度报告",),
    # a people's congress' budget report is titled 关于…年预算执行情况和…年预算草案的报告, never 预算报告, which
    # is what the congress' own news and every clerk call it (2024 预算报告 贵州)
    "预算报告": ("预算草案的报告", "预算执行情况"),
    # the 机构改革 papers that fix an organ's functions, offices and posts are printed as …职能配置、内设机构和
    # 人员编制规定 and called 三定方案 or 三定规定 by every organ that received one
    "三定方案": ("三定规定", "职能配置、内设机构和人员编制规定"),
    "三定规定": ("三定方案", "职能配置、内设机构和人员编制规定"),
}


def doc_word_forms(text: str, most: int = 6) -> tuple[str, ...]:
    """`text` and the spellings its document words stand for: 信息公开年报 → (信息公开年报, 信息公开年度报告);
    a long form gives its short one too (2023年度报告 → 2023年报). The text itself comes first."""
    forms = [text]
    for short, longs in _SHORT_FORMS.items():
        said = re.compile(re.escape(short) + "(?!告)")   # 今年报告 is 今年 + 报告, no 年报
        if said.search(text):
            forms += [said.sub(long, text) for long in longs]
        for long in longs:
            if long in text and short not in text:
                forms.append(text.replace(long, short))
    return tuple(dict.fromkeys(forms))[:most]
