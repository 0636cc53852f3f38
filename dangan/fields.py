"""The one field vocabulary: catalog field names, their Chinese labels and the names users type.

Every layer that names a document field (model, catalog, tag, folder defaults, search
fields, CLI and web display) takes it from here.
"""
from __future__ import annotations

# Official-document elements read automatically (GB/T 9704) and kept per document.
META: tuple[str, ...] = ("title", "doc_type", "doc_number", "issuer", "doc_date",
                         "recipients", "cc", "secrecy", "urgency")
# What a person may set by hand (`dangan tag --set`, folder defaults, manifests); 网页发布时间 (posted_date) is
# read from a web copy's posting row and corrected like the 成文日期, but is no GB/T 9704 element.
EDITABLE: tuple[str, ...] = META + ("taken_at", "posted_date")

# 文种 (doc_type) a person may set: the 15 of the 党政机关公文处理工作条例 (2012; 命令 also 令), the
# kinds a campaign office files, and the others the reader recognises (会议记录, 发票, 证明…).
DOC_TYPES: tuple[str, ...] = (
    "决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
    "议案", "函", "纪要",
    "讲话", "方案", "总结", "汇报", "台账", "简报", "照片",
    "会议记录", "计划", "说明", "证明", "发票", "公示", "倡议书",
)
# What clerks write for a 文种 in its longer or everyday form (the reader's title endings say the same).
DOC_TYPE_SYNONYMS: dict[str, str] = {
    "会议纪要": "纪要", "讲话稿": "讲话", "发言": "讲话", "发言稿": "讲话", "复函": "函", "工作总结": "总结",
    "小结": "总结", "工作方案": "方案", "实施方案": "方案", "工作计划": "计划", "情况说明": "说明",
    "工作汇报": "汇报", "工作台账": "台账", "会议记录表": "会议记录", "会记录": "会议记录",
    "倡议": "倡议书",
}


# The Traditional characters of the 文种 above and their synonyms (報告, 會議紀要, 計畫): `--type 報告` was
# refused as 不是已知的文种 though a Traditional query finds Simplified text. A table, not OpenCC: the core
# imports no text library, and these are all the characters there are to fold.
_TRADITIONAL = str.maketrans("決議報見請復覆紀講話總結匯彙賬臺檯簡會記錄計劃畫說説證發書況實",
                             "决议报见请复复纪讲话总结汇汇账台台简会记录计划划说说证发书况实")


def canonical_doc_type(value: str | None) -> str | None:
    """A 文种 as the vocabulary spells it (会议纪要 → 纪要, 報告 → 报告); None when it is not one."""
    text = (value or "").strip().translate(_TRADITIONAL)
    text = DOC_TYPE_SYNONYMS.get(text, text)
    return text if text in DOC_TYPES else None

def format_name(mime: str) -> str:
    """A file type as clerks name it: DOCX, XLSX, OFD, JPG (not application/vnd.openxml…)."""
    import mimetypes

    ext = mimetypes.guess_extension(mime, strict=False)
    return (ext.lstrip(".") if ext else mime.rsplit("/", 1)[-1].removeprefix("x-")).upper()


# How each field is shown to users (CLI `show`, web desk).
LABELS: dict[str, str] = {
    "id": "编号", "title": "标题", "doc_type": "文种", "doc_number": "发文字号", "issuer": "发文机关",
    "doc_date": "成文日期", "recipients": "主送机关", "cc": "抄送机关", "secrecy": "密级",
    "urgency": "紧急程度", "mime": "类型", "pages": "页数", "size": "字节", "sha256": "SHA-256",
    "archival_code": "档号", "needs_ocr": "待文字识别", "needs_conversion": "待转换",
    "taken_at": "拍摄时间", "posted_date": "网页发布时间", "ingested_at": "收录时间",
    "original_name": "原文件名", "tags": "标签", "items": "测评项目",
}

# Names users type for an editable field: Chinese labels, archival synonyms, English names.
ALIASES: dict[str, str] = {
    **{LABELS[name]: name for name in EDITABLE},
    "题名": "title", "文号": "doc_number", "责任者": "issuer", "日期": "doc_date",
    **{name: name for name in EDITABLE},
}

# Facets counted for a search, and their labels.
FACET_LABELS: dict[str, str] = {"doc_type": "文种", "issuer": "发文机关", "year": "年份", "items": "测评项目"}

# Figures of `dangan watch` (its summary, the CLI's and the log's).
WATCH_LABELS: dict[str, str] = {
    "added": "收录", "duplicates": "重复", "failed": "失败（已隔离）", "retried": "重试",
    "resumed": "恢复的作业", "reindexed": "补建索引", "left": "仍在变化（留待下次）", "ocr": "文字识别",
}

# Figures of `dangan stats`, shown by the CLI and the web desk.
STAT_LABELS: dict[str, str] = {
    "documents": "文件", "pages": "页数", "bytes": "字节", "sources": "来源路径",
    "needs_ocr": "待文字识别", "ocr_failed": "文字识别失败", "needs_conversion": "待转换",
    "ocr_pages": "文字识别页", "low_confidence_pages": "低置信度页", "ocr_pictures": "文字识别图片（Word/演示文稿中）",
    "failed": "失败（已隔离）", "tasks_open": "未完成任务", "jobs_pending": "待处理作业",
    "jobs_failed": "失败作业", "by_type": "按文种", "by_mime": "按格式", "indexed": "已索引",
    "index_backend": "索引后端", "older_reader": "旧版读取程序识别", "advice": "建议",
}
