"""`dangan minutes 防汛`: a word that is neither a file nor a document number. The clerk meant a speech they
remember by a word of it: the error names the archive's speeches holding the word, with the command for one."""
from __future__ import annotations

from pathlib import PurePath

from dangan.errors import DanganError, DocumentNotFound
from dangan.model import SearchHit
from dangan.workspace import Workspace

SHOWN = 5
SPEECH_TYPES = ("讲话",)


def speech_not_found(ws: Workspace, source: str) -> DocumentNotFound:
    """The error for a `source` that is no file: for a path, that it does not exist; for words, the speeches
    (文种 讲话, else any prose document) the index finds for them, each with its number."""
    if _looks_like_path(source):
        return DocumentNotFound(f"找不到讲话稿文件：{source}", id=source,
                                hint="检查文件路径；已收录的讲话稿给出文件编号即可（用 dangan search 查找编号）。")
    hits, speeches = speeches_like(ws, source)
    if not hits:
        return DocumentNotFound(f"找不到讲话稿：“{source}”既不是文件编号，也不是文件路径，档案中也没有含这些词的讲话稿",
                                id=source, hint="给出文件编号或讲话稿文件的路径；用 dangan search 关键词 查找编号。")
    kind = "讲话稿" if speeches else "文件（没有文种为讲话的）"
    listed = "；".join(f"编号 {h.id} {h.title or ''}".rstrip() + (f"（{h.doc_date}）" if h.doc_date else "")
                      for h in hits)
    return DocumentNotFound(f"找不到讲话稿：“{source}”既不是文件编号，也不是文件路径", id=source,
                            hint=f"含“{source}”的{kind}：{listed}。用编号起草，如 dangan minutes {hits[0].id} --date 会议日期。")


def speeches_like(ws: Workspace, words: str) -> tuple[list[SearchHit], bool]:
    """The best hits for `words` among speeches, else among all documents (a speech not typed 讲话); and
    whether they are speeches. Nothing (not an error) when the words cannot be searched or there is no index."""
    from dangan.index.search import search

    if not any(ch.isalnum() for ch in words):   # marks only (、、): nothing a search could match on
        return [], False
    try:
        for doc_type in (*SPEECH_TYPES, None):
            hits = list(search(ws, words, limit=SHOWN, doc_type=doc_type, allow_empty=False).hits)
            if hits:
                return hits, doc_type is not None
    except DanganError:   # 无法检索的输入 (only marks), no index yet: the plain error says what to do
        pass
    return [], False


def _looks_like_path(source: str) -> bool:
    """讲话稿/防汛.txt, ./a, C:\\x.docx are paths; 防汛 or 全镇 防汛 are words."""
    return any(sep in source for sep in ("/", "\\")) or bool(PurePath(source).suffix.strip("."))
