"""同文异版 archived apart: documents catalogued before their texts shared a key, found and folded.

Ingest joins a file to the document whose text it repeats. Keys have been read more widely since
(migration 17: a Traditional copy, or a Big5 copy that lost what Big5 cannot hold, now shares its
original's key), and the migration folds nothing: two documents catalogued apart before stay two,
and search finds the text twice. `candidates` names them; `join` folds each into the one that stays
(archive.variants.fold_into: its bytes kept as another original, its sources moved, an audit entry)
and takes it out of the index. A document someone has worked on (`worked_on`) is never folded: it is the
one that stays, and a pair of two such is left for a clerk to settle.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.variants import apart_reason, fold_into, worked_on
from dangan.archive.variants_apart import apart_pairs, keep_apart, listed, undo_keep_apart
from dangan.index.session import WriterSession
from dangan.text.fingerprint import big5_only
from dangan.workspace import Workspace


def _groups(catalog: Catalog) -> list[list[int]]:
    """Ids of documents of one text, each group once: one text key, or one Big5 key where the texts
    but one are all Big5 (a copy that lost characters; as ingest joins on it)."""
    groups = [[int(i) for i in row[0].split(",")] for row in catalog.conn.execute(
        "SELECT group_concat(id) FROM (SELECT id, text_key FROM documents WHERE text_key IS NOT NULL ORDER BY id) "
        "GROUP BY text_key HAVING count(*) > 1")]
    for row in catalog.conn.execute("SELECT group_concat(document_id) FROM (SELECT document_id, key FROM "
                                    "document_big5_keys ORDER BY document_id) GROUP BY key HAVING count(*) > 1"):
        ids = [int(i) for i in row[0].split(",")]
        texts = {r[0]: r[1] for r in catalog.conn.execute(
            f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids)}
        lossy = [i for i in ids if big5_only(texts.get(i) or "")]
        if not lossy:
            continue
        # Two texts that are not all Big5 are two texts (their exact keys differ): a copy joins any one
        members = ids if len(ids) - len(lossy) <= 1 else lossy + [next(i for i in ids if i not in lossy)]
        groups.append(sorted(members))
    merged: list[set[int]] = []   # a document in a text-key group and a Big5-key group: one group
    for group in groups:
        touching = [g for g in merged if g & set(group)]
        one = set(group).union(*touching)
        merged = [g for g in merged if g not in touching] + [one]
    return sorted(sorted(g) for g in merged)


def one_text(catalog: Catalog, a: int, b: int) -> bool:
    """Whether documents `a` and `b` are of one text (one group of candidates, dismissed or not)."""
    return any(a in group and b in group for group in _groups(catalog))


def candidates(catalog: Catalog) -> list[dict[str, Any]]:
    """Each group of documents with one text: the one that stays and the others, each with why it cannot
    be folded (`kept_apart`: None, or both documents were worked on).

    The one that stays is the one someone worked on (`worked_on`: a 档号, hand edits, items, tasks…), else
    the oldest. Folding moves a document's bytes and sources, not its 档号, hand edits or ties to tasks and
    dossiers, so only a document nobody touched can go: keeping the older and refusing the newer because a
    clerk tagged it left the pair named by every check forever. When two were worked on, neither can go:
    the pair is named with both reasons, and a clerk settles it (keeps them apart, `variants --dismiss`).
    Among several worked on, the one with a 档号 stays, else the oldest.
    """
    out = []
    apart = apart_pairs(catalog)
    for ids in _groups(catalog):
        rows = {r["id"]: r for r in catalog.conn.execute(
            f"SELECT id, title, original_name, mime, archival_code, ingested_at FROM documents "
            f"WHERE id IN ({','.join('?' * len(ids))})", ids)}
        reasons = {i: worked_on(catalog, i) for i in ids}
        order = sorted(ids, key=lambda i: (reasons[i] is None, not rows[i]["archival_code"],
                                           rows[i]["ingested_at"], i))

        def doc(i: int) -> dict[str, Any]:
            return {"id": i, "title": rows[i]["title"] or rows[i]["original_name"],
                    "original_name": rows[i]["original_name"], "mime": rows[i]["mime"],
                    "ingested_at": rows[i]["ingested_at"], "archival_code": rows[i]["archival_code"],
                    "worked_on": reasons[i], "sources": [s["path"] for s in catalog.sources(i)]}

        for keep, *others in _split(order, apart):
            if others:
                out.append({"keep": doc(keep),
                            "others": [{**doc(i), "kept_apart": _both_worked(i, reasons[i], keep, reasons[keep])}
                                       for i in others]})
    return out


def pairs_of(catalog: Catalog, doc_id: int) -> list[dict[str, Any]]:
    """The candidates document `doc_id` is one of, each as the other document (with `kept_apart`), for its
    page. Most documents share no key with another: two index lookups say so before any grouping."""
    shares = catalog.conn.execute(
        "SELECT 1 FROM documents d JOIN documents o ON o.text_key = d.text_key AND o.id != d.id WHERE d.id = :id "
        "UNION ALL SELECT 1 FROM document_big5_keys k JOIN document_big5_keys o ON o.key = k.key "
        "AND o.document_id != k.document_id WHERE k.document_id = :id LIMIT 1", {"id": doc_id}).fetchone()
    if shares is None:
        return []
    out = []
    for group in candidates(catalog):
        keep = group["keep"]
        for other in group["others"]:
            if keep["id"] == doc_id:
                out.append(other)
            elif other["id"] == doc_id:
                out.append({**keep, "kept_apart": other["kept_apart"]})
    return out


def _split(order: list[int], apart: set[frozenset[int]]) -> list[list[int]]:
    """A group split where a clerk said two are not one text: each document, in order of who stays, joins
    the first part holding none it was kept apart from (the one it would be folded into heads the part)."""
    parts: list[list[int]] = []
    for i in order:
        part = next((p for p in parts if not any(frozenset((i, m)) in apart for m in p)), None)
        if part is None:
            parts.append([i])
        else:
            part.append(i)
    return parts


def _both_worked(other: int, why: str | None, keep: int, keep_why: str | None) -> str | None:
    """Why `other` is not folded into `keep`: only when it was worked on too (then `keep` was as well)."""
    if why is None:
        return None
    return f"两件都已有人处理（第 {other} 件{why}；第 {keep} 件{keep_why}），不能自动合并"


def pair_count(groups: list[dict[str, Any]]) -> int:
    return sum(len(g["others"]) for g in groups)


def join(ws: Workspace, *, dry_run: bool = False, pair: tuple[int, int] | None = None,
         on_start: Callable[[int], None] | None = None, on_step: Callable[[], None] | None = None,
         on_wait: Callable[[], None] | None = None) -> dict[str, Any]:
    """Fold every candidate into the document that stays; with `dry_run` only say what would be done.
    With `pair` (the one to fold, the one it goes into: the desk's 合并 button on one row) only that one,
    if it is still a candidate: the page may be older than a join or a dismissal made since."""
    with WriterSession(ws, on_wait=on_wait) as session:
        groups = candidates(session.catalog)
        if on_start:
            on_start(1 if pair is not None else pair_count(groups))
        folded, kept = [], []
        for group in groups:
            into = group["keep"]["id"]
            for other in group["others"]:
                if pair is not None and pair != (other["id"], into):
                    continue
                row = {**other, "into": into, "into_title": group["keep"]["title"]}
                if other["kept_apart"] is not None:
                    kept.append(row)
                elif dry_run or fold_into(session.catalog, other["id"], into):
                    folded.append(row)
                else:   # worked on, or kept apart, since the candidates were read
                    kept.append({**row, "kept_apart": apart_reason(session.catalog, other["id"], into)})
                if on_step:
                    on_step()
        if folded and not dry_run:
            session.index.delete([row["id"] for row in folded])
            session.refresh(*sorted({row["into"] for row in folded}))   # its sources now name the folded ones
    return {"dry_run": dry_run, "folded": folded, "kept_apart": kept}


def dismiss(catalog: Catalog, a: int, b: int, *, undo: bool = False) -> dict[str, Any]:
    """Say documents `a` and `b` are not one text (or, with `undo`, take that back): `changed` is False when
    it was so already. Both documents, with their titles, for the message."""
    changed = (undo_keep_apart if undo else keep_apart)(catalog, a, b)
    docs = catalog.get_many(sorted((a, b)))
    return {"dismissed": not undo, "changed": changed,
            "documents": [{"id": i, "title": docs[i].title or docs[i].original_name} for i in sorted(docs)]}


def dismissed(catalog: Catalog) -> list[dict[str, Any]]:
    """The pairs said not to be one text, as `variants` and the desk list them (to take one back)."""
    return listed(catalog)


def candidate_advice(groups: list[dict[str, Any]], shown: int = 5, *, desk: bool = False) -> str | None:
    """The line check adds: the pairs, their ids and titles, and how to fold them or say they are not one
    text (on the desk, whose clerks never open a terminal: who can, on which page)."""
    pairs = [(g["keep"], o) for g in groups for o in g["others"]]
    if not pairs:
        return None
    named = "；".join(f"{o['id']}《{o['title']}》与 {k['id']}《{k['title']}》" for k, o in pairs[:shown])
    more = " 等" if len(pairs) > shown else ""
    apart = [(k, o) for k, o in pairs if o["kept_apart"]]
    said = f"同文异版候选 {len(pairs)} 对（正文相同而分别收录：{named}{more}）"
    if apart:
        k, o = apart[0]
        said += (f"，其中 {len(apart)} 对两件都已有人处理，不自动合并" +
                 ("" if desk else f"（dangan variants 列出原因；核对后用 dangan variants --join {o['id']} {k['id']} "
                                  f"--keep {k['id']} 指定保留的一件合并，另一件的处理移过去（先加 --dry-run 查看），"
                                  f"或用 dangan variants --dismiss {o['id']} {k['id']} 标明不是同一文件或有意分开保存，"
                                  "此后不再提示）"))
    if len(apart) == len(pairs):
        return said + ("；请管理员在“同文异版候选”页核对：选定保留哪一件后合并（另一件的处理移过去），"
                       "不是同一文件的标明后不再提示" if desk else "")
    how = ("请管理员在“同文异版候选”页合并为一件（原件均保留），或标为不是同一文件" if desk
           else "可运行 dangan variants --join 合并为一件（先加 --dry-run 查看；原件均保留），"
                "不是同一文件的用 dangan variants --dismiss 编号 编号 标明")
    return f"{said}；{how}"
