"""同文异版 catalogued apart before migration 17: `check` names the pairs that now share a text key and
`dangan variants --join` folds each into the one that stays (both originals kept, search counts it once)."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import cli_run
import opencc
from conftest import CORPUS
from test_same_text_script import _key_before_one_script

from dangan.archive.catalog import Catalog
from dangan.archive.migrations import MIGRATIONS
from dangan.text.fingerprint import text_key
from dangan.web.app import create_app
from dangan.workspace import open_workspace

BIG5_KEYS = next(n for n, script in enumerate(MIGRATIONS, start=1) if "document_big5_keys" in script)
RESOLUTION = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/第二届全国人民代表大会第三次会议关于政府工作报告的决议.txt"
PHRASE = "第二届全国人民代表大会第三次会议"


def _runner(home: Path) -> Callable[..., str]:
    """The CLI on this workspace, as tests/cli_run.dangan runs it."""
    return partial(cli_run.dangan, home)


def _archived_apart(tmp_path: Path, configs: tuple[str, ...], big5: bool = False,
                    source: Path = RESOLUTION) -> tuple[Path, list[Path], list[int]]:
    """The resolution (or `source`) and its Traditional copies (with `big5`, saved as Big5 with '?' for what Big5 lacks)
    catalogued as before migration 17: each under the key of its own script (the earlier key), so none met
    another at ingest, and no Big5 keys yet."""
    text = source.read_text(encoding="utf-8")
    copies = []
    for config in configs:
        copies.append(tmp_path / f"{source.stem}_{config}.txt")
        converted = opencc.OpenCC(config).convert(text)
        copies[-1].write_bytes(converted.encode("big5", errors="replace") if big5 else converted.encode("utf-8"))
    home = tmp_path / "ws"
    dangan = _runner(home)
    dangan("init")
    catalog_path = home / "catalog.sqlite3"
    ids = []
    for path in [source, *copies]:
        ids.append(json.loads(dangan("ingest", "--no-ocr", "--json", str(path)))["documents"][0]["id"])
        with sqlite3.connect(catalog_path) as conn:   # the key an earlier version stored
            stored = conn.execute("SELECT text FROM documents WHERE id = ?", (ids[-1],)).fetchone()[0]
            conn.execute("UPDATE documents SET text_key = ? WHERE id = ?", (_key_before_one_script(stored), ids[-1]))
            conn.execute("DELETE FROM document_big5_keys")
    assert len(set(ids)) == len(ids)
    with sqlite3.connect(catalog_path) as conn:   # the catalog as migration 16 left it
        conn.execute("DROP TABLE document_big5_keys")
        conn.execute(f"PRAGMA user_version = {BIG5_KEYS - 1}")
    with Catalog(catalog_path) as catalog:   # migration 17: one key for all (a Big5 key), nothing folded
        keys = {row[0] for row in catalog.conn.execute("SELECT text_key FROM documents")}
        big5_keys = {row[0] for row in catalog.conn.execute("SELECT key FROM document_big5_keys")}
    assert len(keys) == 2 and len(big5_keys) == 1 if big5 else keys == {text_key(text)}
    return home, copies, ids


def test_check_names_the_pair_and_variants_join_folds_it(tmp_path: Path) -> None:
    home, (hong_kong,), (first, second) = _archived_apart(tmp_path, ("s2hk",))
    dangan = _runner(home)
    assert json.loads(dangan("search", PHRASE, "--json"))["total"] == 2

    checked = json.loads(dangan("check", "--json"))
    assert checked["ok"] and checked["same_text_pairs"] == 1, checked
    [group] = checked["same_text_candidates"]
    assert group["keep"]["id"] == first and [o["id"] for o in group["others"]] == [second]
    assert "同文异版候选 1 对" in checked["advice"] and "dangan variants --join" in checked["advice"]
    assert "同文异版候选 1 对" in checked["desk_advice"] and "dangan" not in checked["desk_advice"]
    said = dangan("check")
    assert "同文异版候选 1 对" in said and f"{second}《" in said and f"{first}《" in said
    with create_app(open_workspace(home)).test_client() as client:   # the desk's 状态: 上次核对, no command
        page = client.get("/status").get_data(as_text=True)
    assert "同文异版候选 1 对" in page and "请管理员" in page and "dangan variants" not in page

    planned = json.loads(dangan("variants", "--join", "--dry-run", "--json"))
    assert planned["dry_run"] and [(r["id"], r["into"]) for r in planned["folded"]] == [(second, first)]
    assert json.loads(dangan("search", PHRASE, "--json"))["total"] == 2   # a dry run changes nothing

    done = json.loads(dangan("variants", "--join", "--json"))
    assert [(r["id"], r["into"]) for r in done["folded"]] == [(second, first)] and done["kept_apart"] == []
    found = json.loads(dangan("search", PHRASE, "--json"))
    assert found["total"] == 1 and found["results"][0]["id"] == first
    shown = json.loads(dangan("show", str(first), "--json"))
    assert [v["original_name"] for v in shown["variants"]] == [hong_kong.name]
    assert Path(shown["variants"][0]["original"]).read_bytes() == hong_kong.read_bytes()
    assert Path(shown["original"]).read_bytes() == RESOLUTION.read_bytes()
    assert "同文异版" in dangan("show", str(first))
    dangan("show", str(second), code=3)   # the folded number says where it went
    with Catalog(home / "catalog.sqlite3") as catalog:
        assert catalog.folded_into(second) == first
    folds = [e for e in json.loads(dangan("audit", "--json"))["entries"] if e["action"] == "same_text"]
    assert len(folds) == 1 and folds[0]["object"] == f"doc:{first}", folds
    after = json.loads(dangan("check", "--json"))
    assert after["ok"] and after["same_text_pairs"] == 0 and after["documents"] == 1, after
    assert "没有同文异版候选" in dangan("variants")


def test_the_copy_worked_on_stays_and_the_others_fold_into_it(tmp_path: Path) -> None:
    """Three documents of one text: the newest, the s2tw copy, is the one a clerk worked on (placed under a
    测评内容): it stays with its item, and the original and the s2t copy, which nobody touched, fold into it
    (both originals kept). Keeping the oldest refused the fold forever and check named the pair every run."""
    home, copies, (first, plain, worked) = _archived_apart(tmp_path, ("s2t", "s2tw"))
    dangan = _runner(home)
    dangan("tag", str(worked), "--item", "Ⅲ-77", "--taxonomy", "national-2015")
    [group] = json.loads(dangan("variants", "--json"))["candidates"]
    assert group["keep"]["id"] == worked and group["keep"]["worked_on"], group
    assert [(o["id"], o["kept_apart"]) for o in group["others"]] == [(first, None), (plain, None)]
    listed = dangan("variants")
    assert f"{first}《" in listed and f"→ 并入 {worked}《" in listed and "不合并" not in listed
    said = dangan("variants", "--join")
    assert "已合并 2 件" in said and "未合并" not in said, said
    found = json.loads(dangan("search", PHRASE, "--json"))
    assert found["total"] == 1 and found["results"][0]["id"] == worked
    shown = json.loads(dangan("show", str(worked), "--json"))
    assert sorted(Path(v["original"]).read_bytes() for v in shown["variants"]) == sorted(
        p.read_bytes() for p in (RESOLUTION, copies[0]))
    assert "Ⅲ-77" in dangan("show", str(worked))   # the clerk's work is where it was
    checked = json.loads(dangan("check", "--json"))
    assert checked["ok"] and checked["same_text_pairs"] == 0 and checked["documents"] == 1, checked


def test_two_copies_worked_on_are_named_not_folded(tmp_path: Path) -> None:
    """The original placed under a 测评内容 and the s2tw copy retitled by hand: neither can be folded (each
    holds a clerk's work); the s2t copy folds into the original, the pair is named with both reasons."""
    home, _, (first, plain, worked) = _archived_apart(tmp_path, ("s2t", "s2tw"))
    dangan = _runner(home)
    dangan("tag", str(first), "--item", "Ⅲ-77", "--taxonomy", "national-2015")
    dangan("tag", str(worked), "--title", "关于政府工作报告的决议（台湾地区转载）")
    listed = dangan("variants")
    assert "同文异版候选 2 对" in listed and "两件都已有人处理" in listed and "有手工修改的要素" in listed
    said = dangan("variants", "--join")
    assert "已合并 1 件" in said and "未合并 1 件" in said and "两件都已有人处理" in said
    ids = {r["id"] for r in json.loads(dangan("search", PHRASE, "--json"))["results"]}
    assert ids == {first, worked}
    again = json.loads(dangan("variants", "--join", "--json"))
    assert again["folded"] == [] and [(r["id"], r["into"]) for r in again["kept_apart"]] == [(worked, first)]
    checked = json.loads(dangan("check", "--json"))   # named still, with the commands that settle it: this pair
    assert checked["ok"] and checked["same_text_pairs"] == 1 and "不自动合并" in checked["advice"]   # merged by a clerk
    assert f"--join {worked} {first} --keep {first}" in checked["advice"], checked["advice"]
    assert f"--dismiss {worked} {first}" in checked["advice"] and "dangan variants --join 合并" not in checked["advice"]
    assert "需与 --join 同用" in dangan("variants", "--dry-run", code=3)


def test_a_big5_copy_that_lost_characters_is_a_candidate_by_its_big5_key(tmp_path: Path) -> None:
    """A Big5 copy with '?' for 爲, 着, 羣 has other letters than the original (another text key): the Big5
    key, new with migration 17, names the pair, and the join folds the copy as ingest now would."""
    home, (big5,), (first, second) = _archived_apart(tmp_path, ("s2t",), big5=True)
    assert big5.read_bytes().count(b"?") >= 5
    dangan = _runner(home)
    listed = json.loads(dangan("variants", "--json"))
    assert listed["pairs"] == 1 and listed["candidates"][0]["keep"]["id"] == first
    done = json.loads(dangan("variants", "--join", "--json"))
    assert [(r["id"], r["into"]) for r in done["folded"]] == [(second, first)]
    assert json.loads(dangan("search", PHRASE, "--json"))["total"] == 1
    shown = json.loads(dangan("show", str(first), "--json"))
    assert [Path(v["original"]).read_bytes() for v in shown["variants"]] == [big5.read_bytes()]


def test_resolutions_of_successive_sessions_are_no_candidates(tmp_path: Path) -> None:
    """The NPC's 14 resolutions on the government work report are one template with other figures and
    names, and their Big5 keys are catalogued too: no two are named, and a join folds nothing."""
    dangan = _runner(tmp_path / "ws")
    dangan("init")
    resolutions = sorted(RESOLUTION.parent.glob("*决议.txt"))
    assert json.loads(dangan("ingest", "--no-ocr", "--json", *map(str, resolutions)))["ingested"] == 14
    assert json.loads(dangan("variants", "--json")) == {"pairs": 0, "candidates": [], "dismissed": []}
    assert json.loads(dangan("variants", "--join", "--json"))["folded"] == []
    assert json.loads(dangan("check", "--json"))["same_text_pairs"] == 0
