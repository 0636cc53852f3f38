"""Ingest: the whole corpus, duplicates, hostile input, and `check` afterwards."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import CORPUS, SCANNED_PDF, SEED_SPEECH
from pdf_objects import pdf_bytes

from dangan.archive.catalog import Catalog
from dangan.archive.selections import catalog_stats, failures
from dangan.index import open_backend
from dangan.index.maintain import reindex
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.ops.check import check, stats

CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file())


def test_every_corpus_file_is_ingested(corpus_ws):
    ws, report = corpus_ws
    assert report["failed"] == []
    assert report["ingested"] + report["duplicates"] == len(CORPUS_FILES)
    ingested = {d["path"] for d in report["documents"]}
    assert ingested == {str(p) for p in CORPUS_FILES}


def test_scanned_pdf_is_flagged_not_silently_empty(corpus_ws):
    ws, report = corpus_ws
    assert str(SCANNED_PDF) in report["needs_ocr"]
    with Catalog(ws.catalog_path) as catalog:
        doc_id = next(d["id"] for d in report["documents"] if d["path"] == str(SCANNED_PDF))
        doc = catalog.get(doc_id)
        assert doc.needs_ocr and doc.pages == 5
        assert all(p["origin"] == "none" for p in catalog.pages(doc_id))


def test_text_pdfs_docx_and_encodings_hold_real_content(corpus_ws):
    ws, report = corpus_ws
    by_path = {d["path"]: d["id"] for d in report["documents"]}
    expectations = {
        "pdf/cn_provincial_budget_reports_2024/Anhui.pdf": "预算执行情况",
        "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf": "政府信息公开",
        "docx/cn_provincial_gov_work_reports_2025/2025年上海市政府工作报告.docx": "各位代表",
        "txt/encoding_variants_DERIVED/2024年国务院政府工作报告_GB18030_CRLF.txt": "政府工作报告",
        "txt/encoding_variants_DERIVED/人大关于政府工作报告的决议_2024_GBK.txt": "第十四届全国人民代表大会",
        "txt/encoding_variants_DERIVED/2026_北京市_政府工作报告_UTF16LE_BOM.txt": "北京",
        "txt/seed_speech/书记在创建办会部署会讲话.txt": "創(chuàng)建",
    }
    with Catalog(ws.catalog_path) as catalog:
        for relative, phrase in expectations.items():
            doc = catalog.get(by_path[str(CORPUS / relative)])
            assert phrase in doc.text, relative
            assert "\r" not in doc.text


def test_pdf_tables_are_kept_as_tab_separated_rows(corpus_ws):
    ws, report = corpus_ws
    path = str(CORPUS / "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf")
    doc_id = next(d["id"] for d in report["documents"] if d["path"] == path)
    with Catalog(ws.catalog_path) as catalog:
        text = catalog.get(doc_id).text
    assert "行政处罚\t4119" in text


def test_seed_speech_found_by_simplified_phrase(corpus_ws):
    ws, _ = corpus_ws
    hit = search(ws, "创建办会", limit=1).hits[0]
    assert hit.path == str(SEED_SPEECH)


def test_duplicate_is_one_document_with_two_paths(workspace, tmp_path):
    copy = tmp_path / "副本" / "讲话副本.txt"
    copy.parent.mkdir()
    shutil.copyfile(SEED_SPEECH, copy)
    report = ingest_paths(workspace, [SEED_SPEECH, copy]).to_dict()
    assert (report["ingested"], report["duplicates"]) == (1, 1)
    ids = {d["id"] for d in report["documents"]}
    assert len(ids) == 1
    with Catalog(workspace.catalog_path) as catalog:
        assert catalog.count() == 1
        assert [s["path"] for s in catalog.sources(ids.pop())] == [str(SEED_SPEECH), str(copy)]


def test_bad_input_is_quarantined_with_reasons_and_the_batch_goes_on(workspace, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "空文件.pdf").write_bytes(b"")
    (bad / "损坏.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ngarbage" * 3)
    (bad / "加密.pdf").write_bytes(encrypted_pdf())
    (bad / "假的.docx").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    (bad / "随机.bin").write_bytes(bytes(range(256)) * 40)
    shutil.copyfile(SEED_SPEECH, bad / "好文件.txt")
    before = sorted((p.name, p.read_bytes()) for p in bad.iterdir())
    report = ingest_paths(workspace, [bad]).to_dict()
    assert report["ingested"] == 1
    reasons = {Path(f["path"]).name: f for f in report["failed"]}
    assert set(reasons) == {"空文件.pdf", "损坏.pdf", "加密.pdf", "假的.docx", "随机.bin"}
    assert reasons["空文件.pdf"]["code"] == "EMPTY_FILE"
    assert reasons["加密.pdf"]["code"] == "ENCRYPTED_PDF"
    assert reasons["随机.bin"]["code"] == "UNSUPPORTED_FORMAT"
    assert "损坏" in reasons["损坏.pdf"]["reason"]
    quarantined = list(workspace.quarantine.rglob("*.reason.txt"))
    assert len(quarantined) == 5
    text = next(q for q in quarantined if q.name.startswith("加密")).read_text(encoding="utf-8")
    assert "原因：PDF 已加密" in text
    # the source folder is untouched
    assert sorted((p.name, p.read_bytes()) for p in bad.iterdir()) == before
    with Catalog(workspace.catalog_path) as catalog:
        assert catalog_stats(catalog)["failed"] == 5


def test_check_clean_then_reports_missing_original_and_index_entry(workspace):
    report = ingest_paths(workspace, [SEED_SPEECH, CORPUS / "txt/cn_normative_docs_pkulaw"]).to_dict()
    assert check(workspace)["ok"]
    first, second = (d["id"] for d in report["documents"][:2])
    with Catalog(workspace.catalog_path) as catalog:
        relpath = catalog.get(first).relpath
    original = workspace.originals / relpath
    original.chmod(0o644)
    original.unlink()
    backend = open_backend(workspace.index_dir)
    backend.delete([second])
    backend.close()
    result = check(workspace)
    assert not result["ok"]
    assert {(p["kind"], p["document_id"]) for p in result["problems"]} == {
        ("original_missing", first), ("not_indexed", second)}


def test_check_reports_altered_original_and_reindex_restores_index(workspace):
    ingest_paths(workspace, [SEED_SPEECH])
    with Catalog(workspace.catalog_path) as catalog:
        relpath = catalog.get(1).relpath
    original = workspace.originals / relpath
    original.chmod(0o644)
    original.write_bytes(original.read_bytes() + b"x")
    kinds = [p["kind"] for p in check(workspace)["problems"]]
    assert kinds == ["checksum_mismatch"]
    shutil.rmtree(workspace.index_dir)
    assert reindex(workspace) == 1
    assert search(workspace, "创建办会").total == 1


def test_stats_count_documents_pages_and_failures(corpus_ws):
    ws, report = corpus_ws
    data = stats(ws)
    assert data["documents"] == report["ingested"]
    assert data["needs_ocr"] == len(report["needs_ocr"])
    assert data["pages"] > 300
    assert data["failed"] == 0
    assert data["indexed"] == data["documents"]


def encrypted_pdf() -> bytes:
    """A one-page PDF under the standard security handler with an unknown user password."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    return pdf_bytes(objects, b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff>"
                              b"<00112233445566778899aabbccddeeff>]")


def test_file_name_in_gbk_bytes_is_ingested_and_reported_readably(workspace, tmp_path):
    folder = tmp_path / "旧压缩包"
    folder.mkdir()
    raw_name = "会议纪要.txt".encode("gbk")            # not UTF-8: as unzipped from an old archive
    path = os.path.join(os.fsencode(folder), raw_name)
    with open(path, "wb") as fh:
        fh.write(SEED_SPEECH.read_bytes())
    with open(os.path.join(os.fsencode(folder), "空".encode("gbk") + b".pdf"), "wb"):
        pass
    report = ingest_paths(workspace, [folder]).to_dict()
    assert report["ingested"] == 1
    assert report["documents"][0]["path"].endswith("旧压缩包/会议纪要.txt")
    assert report["failed"][0]["path"].endswith("旧压缩包/空.pdf")
    reasons = list(workspace.quarantine.rglob("*.reason.txt"))
    assert "空.pdf" in reasons[0].read_text(encoding="utf-8")
    with Catalog(workspace.catalog_path) as catalog:
        assert catalog.sources(1)[0]["path"].endswith("会议纪要.txt")


# Latin words a Chinese reason may hold: format and product names, not a library's sentence.
_NAMES = {"PDF", "DOCX", "XLSX", "PPTX", "OFD", "ZIP", "RAR", "XML", "MHT", "LibreOffice", "Office", "WPS",
          "Excel", "OLE", "OCR"}


def test_damaged_files_get_chinese_reasons_and_keep_the_library_words_aside(workspace, tmp_path):
    """PDFium, zipfile, python-docx and Pillow say it in English: the reason is Chinese, the English is 技术细节."""
    import re
    import zipfile

    bad = tmp_path / "bad"
    bad.mkdir()
    pdf = next((CORPUS / "pdf").rglob("*.pdf")).read_bytes()
    (bad / "截断.pdf").write_bytes(pdf[: len(pdf) // 3])
    docx = next((CORPUS / "docx").rglob("*.docx"))
    (bad / "截断.docx").write_bytes(docx.read_bytes()[:4000])
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(bad / "缺主体.docx", "w") as target:
        for info in source.infolist():
            if info.filename != "_rels/.rels":
                target.writestr(info, source.read(info))
    (bad / "坏.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    report = ingest_paths(workspace, [bad], ocr=False).to_dict()
    assert {Path(f["path"]).name for f in report["failed"]} == {"截断.pdf", "截断.docx", "缺主体.docx", "坏.png"}
    texts = {p.name.removesuffix(".reason.txt"): p.read_text(encoding="utf-8")
             for p in workspace.quarantine.rglob("*.reason.txt")}
    for name, text in texts.items():
        reason = next(line for line in text.splitlines() if line.startswith("原因："))
        assert set(re.findall(r"[A-Za-z]{2,}", reason)) <= _NAMES, (name, reason)
        assert re.search(r"^技术细节：\w+(Error|File)\b", text, re.M), (name, text)
    assert "PDF 数据格式错误" in texts["截断.pdf"] and "PDFium: Data format error" in texts["截断.pdf"]
    assert "缺少文档主体部分" in texts["缺主体.docx"] or "没有相应的文档内容" in texts["缺主体.docx"]
    assert "无法识别的图片格式" in texts["坏.png"] and "UnidentifiedImageError" in texts["坏.png"]
    with Catalog(workspace.catalog_path) as catalog:    # what the desk and `stats` show is the reason
        shown = [f["reason"] for f in failures(catalog)]
    assert len(shown) == 4 and not any("PDFium" in r or "Error" in r for r in shown), shown


def test_library_reasons_map_known_messages_and_fall_back_to_chinese():
    from dangan.read.extract.failures import UNKNOWN, corrupt, library_reason

    assert library_reason(KeyError("There is no item named 'word/styles.xml' in the archive")) == \
        "缺少必需的部件 word/styles.xml"
    assert library_reason("Error: source file could not be loaded") == "LibreOffice 无法载入源文件"
    assert library_reason(RuntimeError("something new")) == UNKNOWN
    error = corrupt("表格无法解析", RuntimeError("CalamineError: something new"))
    assert error.message == f"文件已损坏，无法解析（表格无法解析：{UNKNOWN}）"
    assert error.technical == "RuntimeError: CalamineError: something new"


def test_a_folder_ingested_again_quarantines_its_bad_files_once(workspace, tmp_path):
    """A clerk runs `ingest` on the same folder twice: each bad file is kept once in quarantine (its
    reason renewed), `stats` counts the files not the attempts, the desk lists each once; other
    bytes under the same name are still kept apart."""
    folder = tmp_path / "收文"
    folder.mkdir()
    pdf = (CORPUS / "pdf" / "cn_shanghai_putuo_budgets" / "putuo_sifaju_2026_dept_budget.pdf").read_bytes()
    (folder / "截断的.pdf").write_bytes(pdf[:20000])
    (folder / "空文件.txt").write_bytes(b"")
    shutil.copy(SEED_SPEECH, folder)
    for _ in range(2):
        report = ingest_paths(workspace, [folder], ocr=False).to_dict()
        assert len(report["failed"]) == 2
    kept = sorted(p.name for p in workspace.quarantine.rglob("*") if p.is_file())
    assert kept == ["截断的.pdf", "截断的.pdf.reason.txt", "空文件.txt", "空文件.txt.reason.txt"]
    assert stats(workspace)["failed"] == 2
    with Catalog(workspace.catalog_path) as catalog:
        listed = failures(catalog)
        assert sorted(Path(f["path"]).name for f in listed) == ["截断的.pdf", "空文件.txt"]
        assert {f["attempts"] for f in listed} == {2}
    (folder / "截断的.pdf").write_bytes(pdf[:30000])          # another broken copy, same name
    ingest_paths(workspace, [folder], ocr=False)
    assert (next(workspace.quarantine.iterdir()) / "截断的.1.pdf").read_bytes() == pdf[:30000]
    assert stats(workspace)["failed"] == 2                    # still two files that would not go in


def test_check_tells_many_unindexed_documents_in_one_line(workspace):
    """An ingest killed before its index commit leaves the whole batch unindexed: `check` said so in
    one line per document; now one line with the numbers, the JSON keeping every problem."""
    from click.testing import CliRunner

    from dangan.cli import cli

    report = ingest_paths(workspace, [SEED_SPEECH, CORPUS / "txt/cn_normative_docs_pkulaw",
                                      *sorted((CORPUS / "txt/cn_cpc_congress_reports").glob("*.txt"))[:4]],
                          ocr=False).to_dict()
    ids = sorted(d["id"] for d in report["documents"])
    backend = open_backend(workspace.index_dir)
    backend.delete(ids[:-1])
    backend.close()
    result = CliRunner().invoke(cli, ["--home", str(workspace.home), "check"])
    assert result.exit_code == 1
    lines = [line.strip() for line in result.output.splitlines() if "索引中缺少" in line]
    assert lines == [f"索引中缺少 {len(ids) - 1} 件文件（编号 {ids[0]}–{ids[-2]}），请运行 dangan reindex（或再次收录）"]
    assert len(check(workspace)["problems"]) == len(ids) - 1


def test_a_supported_suffix_over_unreadable_bytes_is_a_broken_file(workspace, tmp_path):
    """乱码.docx was 不支持的文件格式（application/octet-stream）: a clerk reads "DOCX is not
    supported". Bytes no format claims under a known suffix are a broken file; other suffixes stay
    unsupported."""
    folder = tmp_path / "收文"
    folder.mkdir()
    noise = bytes(range(256)) * 20
    (folder / "乱码.docx").write_bytes(noise)
    (folder / "乱码.JPG").write_bytes(noise)
    (folder / "乱码.bin").write_bytes(noise)
    failed = {Path(f["path"]).name: f for f in ingest_paths(workspace, [folder], ocr=False).to_dict()["failed"]}
    assert failed["乱码.docx"]["code"] == "CORRUPT_FILE"
    assert "扩展名为 .docx，内容却不是 Word/WPS 文档" in failed["乱码.docx"]["reason"]
    assert failed["乱码.JPG"]["code"] == "CORRUPT_FILE" and "图片" in failed["乱码.JPG"]["reason"]
    assert failed["乱码.bin"]["code"] == "UNSUPPORTED_FORMAT"


def test_search_says_when_the_index_lacks_catalogued_documents(workspace):
    """After an ingest killed before its index commit, `search` found nothing and said nothing."""
    from click.testing import CliRunner

    from dangan.cli import cli

    ingest_paths(workspace, [SEED_SPEECH, CORPUS / "txt/cn_normative_docs_pkulaw"], ocr=False)
    runner = CliRunner()
    clean = runner.invoke(cli, ["--home", str(workspace.home), "search", "创建办会"])
    assert clean.exit_code == 0 and "尚未编入索引" not in clean.output
    backend = open_backend(workspace.index_dir)
    backend.delete([1, 2])
    backend.close()
    lagging = runner.invoke(cli, ["--home", str(workspace.home), "search", "创建办会"])
    assert lagging.exit_code == 0 and "有 2 件已收录的文件尚未编入索引" in lagging.output
    as_json = runner.invoke(cli, ["--home", str(workspace.home), "search", "创建办会", "--json"])
    assert "尚未编入索引" not in as_json.output                 # the JSON stays parseable


def test_a_batch_collects_garbage_less_often_and_puts_the_threshold_back(tmp_path: Path) -> None:
    """Indexing allocates a tuple a posting: Python's default (a collection every 700
    allocations) cost 7% of the writer's time. Two batches at once (web desk threads)
    leave the threshold raised until the last one ends."""
    import gc

    from dangan.intake.gc_threshold import ALLOCATIONS
    from dangan.intake.ingest import Batch
    from dangan.workspace import init_workspace

    before = gc.get_threshold()
    first = Batch(init_workspace(tmp_path / "a"))
    second = Batch(init_workspace(tmp_path / "b"))
    assert gc.get_threshold()[0] == max(before[0], ALLOCATIONS)
    first.close()
    assert gc.get_threshold()[0] == max(before[0], ALLOCATIONS)
    second.close()
    assert gc.get_threshold() == before
    report = ingest_paths(init_workspace(tmp_path / "c"), [SEED_SPEECH], ocr=False)
    assert report.count("added") == 1 and gc.get_threshold() == before


def test_a_file_another_program_is_still_writing_is_left_for_later(workspace, tmp_path):
    """A copy still in progress (a writer holds it open for writing) is neither archived half
    nor quarantined: it is named as 正在写入, the rest of the batch goes on, exit 2, and once the
    writer has finished the same ingest takes the whole file."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from dangan.cli import cli

    folder = tmp_path / "收文"
    folder.mkdir()
    shutil.copyfile(SEED_SPEECH, folder / "讲话稿.txt")
    slow = folder / "慢写入的通知.txt"
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        f"f = open({str(slow)!r}, 'w', encoding='utf-8')\n"
        "f.write('关于开展文明交通劝导活动的通知\\n各街道：为巩固创建成果，'); f.flush()\n"
        "sys.stdout.write('half\\n'); sys.stdout.flush(); sys.stdin.readline()\n"
        "f.write('决定于2023年6月开展文明交通劝导活动。\\n区创建办\\n2023年5月20日\\n'); f.close()\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline() == "half\n"
        runner = CliRunner()
        first = runner.invoke(cli, ["--home", str(workspace.home), "ingest", str(folder)], catch_exceptions=False)
    finally:
        writer.communicate("go\n", timeout=30)
    assert first.exit_code == 2
    assert "正在写入" in first.output and "慢写入的通知.txt" in first.output
    assert "收录 1 件" in first.output
    assert not list(workspace.quarantine.rglob("慢写入*"))
    assert search(workspace, '"文明交通劝导"').total == 0
    again = runner.invoke(cli, ["--home", str(workspace.home), "ingest", str(folder)], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    hits = search(workspace, '"文明交通劝导"').hits
    assert len(hits) == 1
    with Catalog(workspace.catalog_path) as catalog:
        assert "2023年5月20日" in catalog.get(hits[0].id).text
