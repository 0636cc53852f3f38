"""ZIP member names another tool garbled: GBK bytes read as cp437 and written back as UTF-8 (`╬─╝■.doc`,
the mojibake of a street office's repacked Windows zip) are filed under the names they were written with;
the name the archive holds is kept in the source's record and said on `show` and the desk's page."""
from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.read.extract import detect
from dangan.read.extract.members import list_members
from dangan.text.mojibake import recover_gbk_name
from dangan.web.app import create_app

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "cn_cpc_congress_reports" / "03_陈独秀在中国共产党第三次全国代表大会上的报告.txt"
NOTICE = next((CORPUS / "txt" / "cn_normative_docs_pkulaw").glob("新余市人民政府办公室*.txt"))
DOCX = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025" / "2025年上海市政府工作报告.docx"
BATCH = "东城街道报送材料.zip"
MEMBERS = {"各社区材料/陈独秀在三大上的报告.txt": SPEECH,
           "各社区材料/关于印发《创建工作方案》的通知（2023）.txt": NOTICE,
           "Ⅲ-77-1)-①_2025年上海市政府工作报告.docx": DOCX}


def garbled(name: str) -> str:
    """What a tool that read GBK names as cp437 saw, and wrote back."""
    return name.encode("gbk").decode("cp437")


class Utf8NoFlag(zipfile.ZipInfo):
    """A name written as UTF-8 bytes without the UTF-8 flag, as some repacking tools do."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's hook
        return self.filename.encode("utf-8"), self.flag_bits & ~0x800


def repacked_zip(path: Path, flag: bool = True) -> Path:
    """The street office's ZIP after the other tool: each name garbled, written as UTF-8 (zipfile writes a
    non-ASCII name as UTF-8 and sets the flag, as that tool did; `flag=False` leaves the flag off)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, source in MEMBERS.items():
            info = zipfile.ZipInfo(garbled(name)) if flag else Utf8NoFlag(garbled(name))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, source.read_bytes())
    return path


def test_only_certain_names_are_read_back() -> None:
    assert garbled("文件.doc") == "╬─╝■.doc" and recover_gbk_name("╬─╝■.doc") == "文件.doc"
    for name in MEMBERS:
        assert recover_gbk_name(garbled(name)) == name
    # names that are what they say: accents, a German word whose ü and b would make one GBK character,
    # maths signs that decode to one character, names already right, plain ASCII
    for kept in ("Café.doc", "Zürich.txt", "über Straße.txt", "naïve façade.pdf", "π≈3.14.txt", "£100 ¥.txt",
                 "文件.doc", "plain.txt", "╬─.doc"):
        assert recover_gbk_name(kept) is None, kept


def test_member_names_are_read_back_with_or_without_the_utf8_flag(tmp_path: Path) -> None:
    for flag in (True, False):
        path = repacked_zip(tmp_path / f"{flag}.zip", flag)
        with zipfile.ZipFile(path) as z:
            assert {bool(i.flag_bits & 0x800) for i in z.infolist()} == {flag}
        members = list_members(path, detect.ZIP)
        assert {m.name: m.stored_name for m in members} == {name: garbled(name) for name in MEMBERS}


def test_a_7z_made_from_a_garbled_folder_is_read_back_too(tmp_path: Path) -> None:
    """7z keeps names as UTF-16: a batch packed from a folder another tool unzipped with garbled names
    carries them as they were unzipped."""
    import py7zr

    path = tmp_path / "社区台账.7z"
    with py7zr.SevenZipFile(path, "w") as archive:
        for name, source in MEMBERS.items():
            archive.writestr(source.read_bytes(), garbled(name))
    assert {m.name: m.stored_name for m in list_members(path, detect.SEVEN_ZIP)} == {
        name: garbled(name) for name in MEMBERS}


def test_a_repacked_zip_is_filed_under_the_names_clerks_search(tmp_path: Path, workspace) -> None:  # type: ignore[no-untyped-def]
    batch = repacked_zip(tmp_path / BATCH)
    report = ingest_paths(workspace, [batch], ocr=False).to_dict()
    assert report["failed"] == []
    ids = {Path(d["path"]).relative_to(tmp_path).as_posix(): d["id"] for d in report["documents"]}
    assert set(ids) == {BATCH} | {f"{BATCH}/{name}" for name in MEMBERS}
    with Catalog(workspace.catalog_path) as catalog:
        stored = {s["path"]: s["stored_name"] for i in ids.values() for s in catalog.sources(i)}
        names = dict(catalog.conn.execute("SELECT id, original_name FROM documents"))
    for name in MEMBERS:   # the record keeps the name the archive holds
        assert stored[str(tmp_path / BATCH / name)] == garbled(name)
        assert names[ids[f"{BATCH}/{name}"]] == Path(name).name
    assert stored[str(batch)] is None
    # the ZIP's own text lists its members by their names too
    hits = search(workspace, '"创建工作方案"').hits
    assert {h.id for h in hits} >= {ids[f"{BATCH}/各社区材料/关于印发《创建工作方案》的通知（2023）.txt"]}
    hits = search(workspace, "陈独秀在三大上的报告").hits
    assert hits and hits[0].id == ids[f"{BATCH}/各社区材料/陈独秀在三大上的报告.txt"]

    doc_id = ids[f"{BATCH}/Ⅲ-77-1)-①_2025年上海市政府工作报告.docx"]
    shown = CliRunner().invoke(cli, ["--home", str(workspace.home), "show", str(doc_id)], catch_exceptions=False)
    assert "Ⅲ-77-1)-①_2025年上海市政府工作报告.docx" in shown.output
    assert f"压缩包内存的是乱码名“{garbled('Ⅲ-77-1)-①_2025年上海市政府工作报告.docx')}”，已按 GBK 还原" in shown.output
    with create_app(workspace).test_client() as client:
        page = client.get(f"/doc/{doc_id}").get_data(as_text=True)
    assert "Ⅲ-77-1)-①_2025年上海市政府工作报告.docx" in page and "已按 GBK 还原" in page
    assert garbled("Ⅲ-77-1)-①_2025年上海市政府工作报告.docx").replace("<", "&lt;") in page
    trail = CliRunner().invoke(cli, ["--home", str(workspace.home), "audit", "--action", "收录"],
                               catch_exceptions=False).output   # the ingest entry keeps the stored name too
    assert f"压缩包内原名：{garbled('各社区材料/陈独秀在三大上的报告.txt')}" in trail

    # the batch sent again by another street (other ZIP bytes, the same members): duplicates, each new
    # source recorded under the name read back, with the one stored
    (tmp_path / "again").mkdir()
    other = repacked_zip(tmp_path / "again" / "西城街道报送材料.zip", flag=False)
    again = ingest_paths(workspace, [other], ocr=False).to_dict()
    assert again["failed"] == [] and again["ingested"] == 0   # the ZIP itself is the first one's 同文异版
    with Catalog(workspace.catalog_path) as catalog:
        stored = {s["path"]: s["stored_name"] for i in ids.values() for s in catalog.sources(i)}
    assert all(stored[str(other / name)] == garbled(name) for name in MEMBERS)
