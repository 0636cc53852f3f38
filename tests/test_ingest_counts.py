"""The ingest summary adds up for a folder with a ZIP in it: 22 files given, 收录 20、重复 3、失败 2 (25)
— the ZIP's members are counted as documents of their own, which the summary did not say."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS

from dangan.cli import cli

RESOLUTION = CORPUS / "txt/encoding_variants_DERIVED/人大关于政府工作报告的决议_2024_GBK.txt"
JILIN = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年吉林省政府工作报告.docx"
GUIZHOU = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Guizhou_test.pdf"


def gbk_named_zip(out: Path, members: dict[str, bytes]) -> Path:
    """A ZIP as Windows' own compressor writes it: member names in GBK, no UTF-8 flag."""
    placeholders = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, (name, data) in enumerate(members.items()):
            raw = name.encode("gbk")
            placeholder = (f"m{n}" + "x" * len(raw))[:len(raw)].encode("ascii")
            placeholders[placeholder] = raw
            archive.writestr(placeholder.decode("ascii"), data)
    data = out.read_bytes()
    for placeholder, raw in placeholders.items():   # local header and central directory, same length
        assert data.count(placeholder) == 2
        data = data.replace(placeholder, raw)
    out.write_bytes(data)
    return out


def test_the_summary_says_how_many_came_out_of_a_zip(tmp_path: Path) -> None:
    folder = tmp_path / "收文"
    folder.mkdir()
    shutil.copy(RESOLUTION, folder / RESOLUTION.name)
    gbk_named_zip(folder / "创文材料汇总.zip", {
        "创文材料/关于政府工作报告的决议.txt": RESOLUTION.read_bytes(),       # the loose file again: a duplicate
        "创文材料/吉林省政府工作报告.docx": JILIN.read_bytes(),
        "创文材料/贵州预算节选.pdf": GUIZHOU.read_bytes()})
    home = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    said = runner.invoke(cli, ["--home", str(home), "ingest", "--no-ocr", str(folder)], catch_exceptions=False).output
    assert "收录 4 件，重复 1 件，失败 0 件" in said                        # 2 files given, 5 outcomes
    assert "以上含压缩包内的文件 3 个，每个计为一件；压缩包本身另计一件。" in said
    other = tmp_path / "ws2"
    assert runner.invoke(cli, ["--home", str(other), "init"]).exit_code == 0
    data = json.loads(runner.invoke(cli, ["--home", str(other), "ingest", "--no-ocr", "--json", str(folder)]).output)
    assert data["archive_members"] == 3
    names = {Path(d["path"]).name for d in data["documents"]}
    assert {"吉林省政府工作报告.docx", "贵州预算节选.pdf", "关于政府工作报告的决议.txt"} <= names   # GBK names read


def test_a_zip_inside_a_zip_is_counted_once(tmp_path: Path) -> None:
    """outer.zip holds inner.zip (holding one notice) and a text: three members, five outcomes with outer itself
    — the inner archive's member was counted twice (in outer's members and again in inner's)."""
    import zipfile

    inner = tmp_path / "社区报送.zip"
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("决议.txt", RESOLUTION.read_bytes())
    outer = tmp_path / "街道报送.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.write(inner, inner.name)
        z.writestr("吉林省政府工作报告.docx", JILIN.read_bytes())
    home = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    said = runner.invoke(cli, ["--home", str(home), "ingest", "--no-ocr", str(outer)], catch_exceptions=False).output
    assert "收录 4 件，重复 0 件，失败 0 件" in said
    assert "以上含压缩包内的文件 3 个，每个计为一件；压缩包本身另计一件。" in said
