"""`dangan variants --join A B --keep A`: two documents of one text, both worked on, merged by a clerk. The other's
work moves onto the one kept where that is unambiguous (hand-set elements where the kept one has none, items and
dossier places as a union, tasks, minutes drafts and releases re-pointed); each conflict is named and nothing
changes; both originals are kept, audited. On the corpus speech and resolution and their OpenCC copies catalogued
apart as before migration 17."""
from __future__ import annotations

import json
from pathlib import Path

from cli_run import dangan
from conftest import CORPUS
from test_same_text_join import PHRASE, RESOLUTION, _archived_apart

from dangan.archive.catalog import Catalog
from dangan.archive.releases import release

SPEECH = CORPUS / "txt/seed_speech/书记在创建办会部署会讲话.txt"
TAXONOMY = ("--taxonomy", "national-2015")


def _ids_found(home: Path, phrase: str) -> set[int]:
    return {r["id"] for r in json.loads(dangan(home, "search", phrase, "--json"))["results"]}


def test_the_other_ones_work_moves_onto_the_one_kept(tmp_path: Path) -> None:
    """The speech placed under Ⅲ-77 (requirement 1) with its 发文机关 set by hand; its Hong Kong copy given the
    minutes of the meeting (a draft and its tasks in the 督办台账), released to a unit, retitled by hand and placed
    under Ⅲ-79. Kept: the speech. The copy's title, Ⅲ-79, draft, tasks and release move onto it; its issuer stays."""
    home, _, (speech, copy) = _archived_apart(tmp_path, ("s2hk",), source=SPEECH)
    dangan(home, "tag", str(speech), "--item", "Ⅲ-77", "--req", "1", *TAXONOMY)
    dangan(home, "tag", str(speech), "--set", "发文机关=区创建办")
    dangan(home, "minutes", str(copy), "--date", "2022-03-26", "--out", str(tmp_path / "纪要.docx"))
    tasks = [t["id"] for t in json.loads(dangan(home, "tasks", "--json"))["tasks"] if t["document_id"] == copy]
    assert tasks
    dangan(home, "tag", str(copy), "--title", "书记在创建办会部署会上的讲话", "--item", "Ⅲ-79", *TAXONOMY)
    with Catalog(home / "catalog.sqlite3") as catalog:
        assert release(catalog, copy, ["区委宣传部"]) == ["区委宣传部"]
    [group] = json.loads(dangan(home, "variants", "--json"))["candidates"]
    [other] = group["others"]
    assert group["keep"]["id"] == speech and other["kept_apart"].startswith("两件都已有人处理"), group
    assert other["merge"]["keep"] == speech and other["merge"]["conflicts"] == [], other
    assert other["merge"]["moved"]["releases"] == ["区委宣传部"]
    listed = dangan(home, "variants")
    assert f"--join {copy} {speech} --keep {speech}" in listed and f"保留第 {speech} 件合并时移交：" in listed, listed
    assert "已下发给：区委宣传部" in listed and "有手工修改的要素（发文机关）" in listed, listed   # the reason names the field

    refused = dangan(home, "variants", "--join", str(copy), str(speech), code=3)
    assert "两件都有人处理过" in refused and f"--keep {copy}" in refused, refused

    planned = json.loads(dangan(home, "variants", "--join", str(copy), str(speech), "--keep", str(speech),
                                "--dry-run", "--json"))
    assert planned["dry_run"] and not planned["merged"] and planned["conflicts"] == []
    moved = planned["moved"]
    assert moved["elements"] == {"title": "书记在创建办会部署会上的讲话"}, moved
    assert moved["evidence"] == [{"taxonomy": "national-2015", "content": "Ⅲ-79", "requirement": 0}]
    assert moved["tasks"] == tasks and len(moved["drafts"]) == 1 and moved["releases"] == ["区委宣传部"]
    said = dangan(home, "variants", "--join", str(copy), str(speech), "--keep", str(speech), "--dry-run")
    assert f"将移交到第 {speech} 件" in said and "标题：书记在创建办会部署会上的讲话（手工著录）" in said
    assert "佐证：测评内容 Ⅲ-79（national-2015）" in said and "已下发给：区委宣传部" in said and "这是预演" in said
    assert _ids_found(home, "创建办会") == {speech, copy}   # the dry run changed nothing

    said = dangan(home, "variants", "--join", str(copy), str(speech), "--keep", str(speech))
    assert f"已合并：第 {copy} 件《" in said and f"已移交到第 {speech} 件" in said, said
    assert _ids_found(home, "创建办会") == {speech}
    shown = json.loads(dangan(home, "show", str(speech), "--json"))
    assert shown["title"] == "书记在创建办会部署会上的讲话" and shown["issuer"] == "区创建办"
    assert shown["meta_origin"]["title"]["origin"] == "manual", shown["meta_origin"]
    assert len(shown["variants"]) == 1
    assert {t["document_id"] for t in json.loads(dangan(home, "tasks", "--json"))["tasks"] if t["id"] in tasks} == {speech}
    with Catalog(home / "catalog.sqlite3") as catalog:
        places = {tuple(r) for r in catalog.conn.execute(
            "SELECT content, req FROM evidence WHERE document_id = ? AND origin = 'manual'", (speech,))}
        assert places == {("Ⅲ-77", 1), ("Ⅲ-79", 0)}, places
        assert catalog.conn.execute("SELECT unit FROM releases WHERE document_id = ?", (speech,)).fetchall()[0][0] == "区委宣传部"
        assert catalog.conn.execute("SELECT count(*) FROM minutes_drafts WHERE document_id = ?", (speech,)).fetchone()[0] == 1
        assert catalog.folded_into(copy) == speech
    assert "已并入编号" in dangan(home, "show", str(copy), code=3)
    [entry] = [e for e in json.loads(dangan(home, "audit", "--json"))["entries"] if e["action"] == "same_text"]
    assert entry["object"] == f"doc:{speech}" and entry["detail"]["folded"] == copy
    assert entry["detail"]["moved"]["tasks"] == tasks
    trail = dangan(home, "audit")
    assert "移交到保留的一件：标题：书记在创建办会部署会上的讲话（手工著录）" in trail and "已下发给：区委宣传部" in trail, trail
    assert json.loads(dangan(home, "check", "--json"))["same_text_pairs"] == 0


def test_conflicts_are_named_and_nothing_changes(tmp_path: Path) -> None:
    """Both hand-set a different 成文日期, and one says the resolution is not Ⅲ-77's while the other placed it
    there: the merge is refused naming both, in both directions, with --json and in a dry run; after the clerk
    corrects one date and places both, it goes through."""
    home, _, (first, second) = _archived_apart(tmp_path, ("s2tw",))
    dangan(home, "tag", str(first), "--set", "成文日期=1960-04-10", "--item", "Ⅲ-77", *TAXONOMY)
    dangan(home, "tag", str(second), "--set", "成文日期=1960-04-11", "--remove-item", "Ⅲ-77", *TAXONOMY)
    for keep, other in ((first, second), (second, first)):
        said = dangan(home, "variants", "--join", str(first), str(second), "--keep", str(keep), code=3)
        assert "错误" in said and "未合并" in said, said
        assert (f"两件都手工著录了成文日期且不同（第 {keep} 件：1960-04-1{1 if keep == second else 0}；"
                f"第 {other} 件：1960-04-1{1 if other == second else 0}）") in said, said
        assert f"第 {second} 件已标明不属于测评内容 Ⅲ-77（national-2015），第 {first} 件却手工关联到它" in said
    assert "合并有冲突，不能合并：两件都手工著录了成文日期且不同" in dangan(home, "variants")
    data = json.loads(dangan(home, "variants", "--join", str(first), str(second), "--keep", str(first), "--json", code=3))
    assert not data["merged"] and len(data["conflicts"]) == 2, data
    planned = dangan(home, "variants", "--join", str(first), str(second), "--keep", str(first), "--dry-run", code=3)
    assert "冲突 2 处" in planned and "--dismiss" in planned
    assert _ids_found(home, PHRASE) == {first, second}
    assert not [e for e in json.loads(dangan(home, "audit", "--json"))["entries"] if e["action"] == "same_text"]

    dangan(home, "tag", str(second), "--set", "成文日期=1960-04-10", "--item", "Ⅲ-77", *TAXONOMY)
    done = json.loads(dangan(home, "variants", "--join", str(first), str(second), "--keep", str(first), "--json"))
    assert done["merged"] and done["conflicts"] == [], done
    assert _ids_found(home, PHRASE) == {first}
    assert json.loads(dangan(home, "show", str(first), "--json"))["doc_date"] == "1960-04-10"


def test_a_pair_that_is_not_one_is_refused(tmp_path: Path) -> None:
    """Ids that are no pair of one text, a --keep that is neither, a pair said not to be one text and options
    out of place: each refused in Chinese, nothing changed."""
    home, _, (first, second) = _archived_apart(tmp_path, ("s2t",))
    other = next(p for p in sorted(RESOLUTION.parent.glob("*决议.txt")) if p != RESOLUTION)
    third = json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(other)))["documents"][0]["id"]
    assert "正文不同，不是同文异版候选" in dangan(home, "variants", "--join", str(first), str(third), code=3)
    assert "两个编号相同" in dangan(home, "variants", "--join", str(first), str(first), code=3)
    assert f"--keep {third} 不是这两件之一" in dangan(home, "variants", "--join", str(first), str(second),
                                                      "--keep", str(third), code=3)
    assert "找不到编号为 99" in dangan(home, "variants", "--join", str(first), "99", code=3)
    assert "编号只用于 --join" in dangan(home, "variants", str(first), str(second), code=3)
    assert "编号只用于 --join" in dangan(home, "variants", "--join", str(first), code=3)
    assert "--keep 需与 --join 编号 编号 同用" in dangan(home, "variants", "--join", "--keep", str(first), code=3)
    dangan(home, "variants", "--dismiss", str(first), str(second))
    said = dangan(home, "variants", "--join", str(first), str(second), code=3)
    assert "已标为不是同一文件" in said and "--undismiss" in said, said
    assert {first, second} <= _ids_found(home, PHRASE)
    dangan(home, "variants", "--undismiss", str(first), str(second))
    said = dangan(home, "variants", "--join", str(second), str(first))   # neither worked on: the older stays
    assert f"已合并：第 {second} 件《" in said and "没有需要移交的处理" in said, said
    assert len(json.loads(dangan(home, "show", str(first), "--json"))["variants"]) == 1


def test_a_document_given_a_档号_keeps_it_and_its_dates(tmp_path: Path) -> None:
    """The speech given its 档号 (year 2022 from its 网页发布时间); its copy, whose posting date a clerk cleared, given
    another 成文日期 by hand. Keeping the copy would lose the 档号: refused, naming the one to keep. Keeping the
    speech would move dates its 档号 rests on: refused, both named. Once the copy's dates agree, it goes through
    and the speech keeps its 档号."""
    home, _, (speech, copy) = _archived_apart(tmp_path, ("s2hk",), source=SPEECH)
    dangan(home, "tag", str(copy), "--clear", "网页发布时间")
    coded = json.loads(dangan(home, "archive", "--year", "2022", "--fonds", "0194", "--json"))
    code = json.loads(dangan(home, "show", str(speech), "--json"))["archival_code"]
    assert code and json.loads(dangan(home, "show", str(copy), "--json"))["archival_code"] is None, coded
    dangan(home, "tag", str(copy), "--set", "成文日期=2022-03-20")
    said = dangan(home, "variants", "--join", str(copy), str(speech), "--keep", str(copy), code=3)
    assert f"第 {speech} 件已编档号 {code}，档号不随合并移动：请改为保留第 {speech} 件" in said, said
    said = dangan(home, "variants", "--join", str(copy), str(speech), "--keep", str(speech), code=3)
    assert f"第 {speech} 件已编档号 {code}（年度和件号按它的日期编定），第 {copy} 件手工著录的成文日期2022-03-20" in said
    assert "网页发布时间（空，手工清除）不随合并移过去" in said, said
    dangan(home, "tag", str(copy), "--clear", "成文日期", "--set", "网页发布时间=2022-03-26")
    done = json.loads(dangan(home, "variants", "--join", str(copy), str(speech), "--keep", str(speech), "--json"))
    assert done["merged"], done
    kept = json.loads(dangan(home, "show", str(speech), "--json"))
    assert kept["archival_code"] == code and kept["posted_date"] == "2022-03-26" and kept["doc_date"] is None
