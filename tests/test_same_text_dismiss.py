"""同文异版候选 a clerk says are not one text (`dangan variants --dismiss A B`): recorded in the catalog
(migration 18), audited, never proposed by `check` or `variants` again nor folded by `--join`; `--undismiss`
takes it back. On the corpus resolution and its OpenCC copies catalogued apart as before migration 17."""
from __future__ import annotations

import json
from pathlib import Path

from cli_run import dangan as run
from test_same_text_join import PHRASE, _archived_apart

from dangan.archive.catalog import Catalog
from dangan.archive.variants import fold_into


def test_a_pair_dismissed_is_never_proposed_or_folded_until_taken_back(tmp_path: Path) -> None:
    home, _, (first, second) = _archived_apart(tmp_path, ("s2hk",))

    def dangan(*args: str, code: int = 0) -> str:
        return run(home, *args, code=code)

    shown = json.loads(dangan("show", str(second), "--json"))["same_text_candidates"]
    assert [(o["id"], o["kept_apart"]) for o in shown] == [(first, None)]
    assert f"同文异版候选：与 {first}《" in dangan("show", str(second))
    assert f"--dismiss {second} {first}" in dangan("show", str(second))
    said = dangan("variants", "--dismiss", str(second), str(first))
    assert f"已标明{first}《" in said and "不是同一文件" in said and f"--undismiss {first} {second}" in said
    listed = json.loads(dangan("variants", "--json"))
    assert listed["pairs"] == 0 and listed["candidates"] == []
    assert [[d["id"] for d in p["documents"]] for p in listed["dismissed"]] == [[first, second]]
    assert "已标为不是同一文件 1 对" in dangan("variants")
    assert json.loads(dangan("show", str(first), "--json"))["same_text_candidates"] == []
    checked = json.loads(dangan("check", "--json"))
    assert checked["ok"] and checked["same_text_pairs"] == 0 and "同文异版" not in (checked["advice"] or "")
    assert json.loads(dangan("variants", "--join", "--json")) == {"dry_run": False, "folded": [], "kept_apart": []}
    assert json.loads(dangan("search", PHRASE, "--json"))["total"] == 2
    with Catalog(home / "catalog.sqlite3") as catalog:   # nor does any other fold (OCR's) join them
        assert not fold_into(catalog, second, first) and catalog.count() == 2
    again = json.loads(dangan("variants", "--dismiss", str(first), str(second), "--json"))
    assert again["changed"] is False and [d["id"] for d in again["documents"]] == [first, second]

    entries = [e for e in json.loads(dangan("audit", "--json"))["entries"] if e["action"].startswith("same_text")]
    assert [(e["action"], e["object"], e["detail"]) for e in entries] == [
        ("same_text.dismiss", f"doc:{first}", {"with": second})]
    assert f"标为不是同一文件  文件 {first}  另一件：{second}" in dangan("audit")

    assert "已撤销" in dangan("variants", "--undismiss", str(first), str(second))
    assert "本未标为不是同一文件" in dangan("variants", "--undismiss", str(first), str(second))
    assert json.loads(dangan("check", "--json"))["same_text_pairs"] == 1
    done = json.loads(dangan("variants", "--join", "--json"))
    assert [(r["id"], r["into"]) for r in done["folded"]] == [(second, first)]
    assert [e["action"] for e in json.loads(dangan("audit", "--json"))["entries"]
            if e["action"].startswith("same_text")] == ["same_text.dismiss", "same_text.undismiss", "same_text"]
    folded = dangan("variants", "--dismiss", str(first), str(second), code=3)   # the folded number says where
    assert f"已并入编号 {first}" in folded


def test_a_dismissal_splits_a_group_of_three(tmp_path: Path) -> None:
    """The original and two copies: the s2tw copy said not to be the original's text is not proposed with it,
    the s2t copy still is and folds; nothing of the dismissed copy changes."""
    home, _, (first, plain, taiwan) = _archived_apart(tmp_path, ("s2t", "s2tw"))
    run(home, "variants", "--dismiss", str(first), str(taiwan))
    [group] = json.loads(run(home, "variants", "--json"))["candidates"]
    assert group["keep"]["id"] == first and [o["id"] for o in group["others"]] == [plain]
    assert "同文异版候选 1 对" in json.loads(run(home, "check", "--json"))["advice"]
    done = json.loads(run(home, "variants", "--join", "--json"))
    assert [(r["id"], r["into"]) for r in done["folded"]] == [(plain, first)]
    assert {r["id"] for r in json.loads(run(home, "search", PHRASE, "--json"))["results"]} == {first, taiwan}
    assert json.loads(run(home, "check", "--json"))["same_text_pairs"] == 0


def test_a_pair_both_worked_on_is_settled_by_a_dismissal(tmp_path: Path) -> None:
    """Both worked on: check names the pair with the command that settles it; once dismissed, check is quiet."""
    home, _, (first, second) = _archived_apart(tmp_path, ("s2hk",))
    run(home, "tag", str(first), "--item", "Ⅲ-77", "--taxonomy", "national-2015")
    run(home, "tag", str(second), "--title", "关于政府工作报告的决议（香港转载）")
    advice = json.loads(run(home, "check", "--json"))["advice"]
    assert "两件都已有人处理" in advice and f"dangan variants --dismiss {second} {first}" in advice, advice
    run(home, "variants", "--dismiss", str(second), str(first))
    checked = json.loads(run(home, "check", "--json"))
    assert checked["same_text_pairs"] == 0 and "同文异版" not in (checked["advice"] or "")


def test_a_wrong_pair_is_refused_in_chinese(tmp_path: Path) -> None:
    home, _, (first, second) = _archived_apart(tmp_path, ("s2hk",))
    assert "两个编号相同" in run(home, "variants", "--dismiss", str(first), str(first), code=3)
    assert "找不到编号为 999 的文件" in run(home, "variants", "--dismiss", str(first), "999", code=3)
    assert "每次只能用一个" in run(home, "variants", "--join", "--dismiss", str(first), str(second), code=3)
    assert json.loads(run(home, "variants", "--json"))["dismissed"] == []


def test_what_was_said_of_a_folded_copy_holds_for_the_one_it_joined(tmp_path: Path) -> None:
    """The s2t copy said not to be the s2tw copy's text, then folded into the original: the original is not the
    s2tw copy's text either (the pair moves to it), so the s2tw copy is never proposed with it."""
    home, _, (first, plain, taiwan) = _archived_apart(tmp_path, ("s2t", "s2tw"))
    run(home, "variants", "--dismiss", str(plain), str(taiwan))
    [group] = json.loads(run(home, "variants", "--json"))["candidates"]
    assert group["keep"]["id"] == first and [o["id"] for o in group["others"]] == [plain]
    assert [(r["id"], r["into"]) for r in json.loads(run(home, "variants", "--join", "--json"))["folded"]] == [
        (plain, first)]
    listed = json.loads(run(home, "variants", "--json"))
    assert listed["pairs"] == 0 and [[d["id"] for d in p["documents"]] for p in listed["dismissed"]] == [[first, taiwan]]
    assert json.loads(run(home, "check", "--json"))["same_text_pairs"] == 0


def test_the_join_says_what_a_clerk_can_do_with_two_worked_on(tmp_path: Path) -> None:
    home, _, (first, second) = _archived_apart(tmp_path, ("s2hk",))
    run(home, "tag", str(first), "--item", "Ⅲ-77", "--taxonomy", "national-2015")
    run(home, "tag", str(second), "--title", "关于政府工作报告的决议（香港转载）")
    said = run(home, "variants", "--join")
    assert "没有可自动合并的候选" in said and "合并同文异版：1/1 对" in said
    assert "未合并 1 件" in said and f"dangan variants --dismiss {second} {first} 标明" in said
    assert f"dangan variants --join {second} {first} --keep {first}" in said   # the clerk's merge, one pair
