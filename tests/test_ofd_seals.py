"""An OFD's electronic seals (GB/T 38540 / GM/T 0031 SES) on ofdrw's real files (corpus/ofd/): the seal's name, the
organ it names, when and by what it was signed, where it is stamped; kept in the catalog, shown by `show` (and
--json) and on the web desk's document page; the organ as the 发文机关 where the text names none (rule
"seal_organ"); a broken seal never stops the reading."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner
from labelled_elements import CORPUS

from dangan.cli import cli
from dangan.read.extract.base import Limits
from dangan.read.extract.ofd import OfdExtractor
from dangan.read.extract.ofd_seals import SealError, seal_info, seal_organ, signed_at
from dangan.read.understand import rules
from dangan.read.understand.metadata import read_facts
from dangan.web.app import create_app
from dangan.workspace import open_workspace

REAL = CORPUS / "ofd"
CERTIFICATE = REAL / "不动产登记证明.ofd"        # Seal.esl v4: 淄博市周村区自然资源局(不动产登记专用章); a Type="Sign" beside it
SIGNED = REAL / "电子签章文件.ofd"               # ofdrw's test seal, signed 2026-08-04 10:08:09
LUQIAO = REAL / "路桥区卫生局关于同意辞职的批复.ofd"   # a v1 seal (UTCTime), stamped on the page whose ID is 1021
INVOICE = REAL / "增值税电子普通发票.ofd"          # no Seal.esl: the seal inside its SignedValue (SES_Signature)


def read(path: Path):  # type: ignore[no-untyped-def]
    return OfdExtractor().extract(path, Limits())


def test_the_three_seal_files_are_read() -> None:
    (certificate,) = read(CERTIFICATE).seals   # the Type="Sign" signature over it carries no seal of its own
    assert certificate.name == "淄博市周村区自然资源局(不动产登记专用章)"
    assert certificate.organ == "淄博市周村区自然资源局"
    assert certificate.signed_at == "2020-06-20T09:18:49Z"
    assert certificate.provider == "oesplugin（tongz）"
    assert (certificate.page, certificate.boundary) == (1, "90.0 110.0 42.0 42.0")

    (test_seal,) = read(SIGNED).seals
    assert test_seal.name == "OFD R&W 测试用印章" and test_seal.organ == ""   # Latin letters, 测试用: no organ
    assert (test_seal.signed_at, test_seal.provider, test_seal.page) == ("2026-08-04T10:08:09", "ofdrw-sign", 1)

    luqiao = read(LUQIAO)
    (v1,) = luqiao.seals
    assert v1.name == "某某省人力资源和社会测试章" and v1.organ == ""   # …社会测试: no unit's word before 章
    assert v1.page == 2 and v1.signed_at == "2020-01-25T15:31:56"    # PageRef 1021 is the second page
    assert v1.provider.startswith("iOFD")
    assert luqiao.warnings == ()


def test_a_seal_inside_the_signed_value_is_read() -> None:
    (tax,) = read(INVOICE).seals
    assert tax.name == tax.organ == "国家税务总局浙江省税务局"
    assert tax.signed_at == "2020-07-23T13:09:07Z" and tax.page == 1


def test_the_organ_a_seal_names_by_its_form() -> None:
    assert seal_organ("淄博市周村区自然资源局(不动产登记专用章)") == "淄博市周村区自然资源局"
    assert seal_organ("某某县人民政府办公室（公章）") == "某某县人民政府办公室"
    assert seal_organ("某某区财政局财务专用章") == "某某区财政局"
    assert seal_organ("某某街道办事处公章") == "某某街道办事处"
    assert seal_organ("合同专用章") == ""
    assert signed_at("20200723130907.763Z") == "2020-07-23T13:09:07Z"


def test_the_issuer_is_the_seals_organ_where_the_text_names_none() -> None:
    extracted = read(CERTIFICATE)
    meta, _ = read_facts(extracted, CERTIFICATE.name)
    assert meta.issuer is not None and meta.issuer.value == "淄博市周村区自然资源局"
    with rules.disabled({"seal_organ"}):
        off, _ = read_facts(extracted, CERTIFICATE.name)
    assert off.issuer is None
    # the text's own issuer comes first: the invoice's seller, 路桥's 版头
    invoice, _ = read_facts(read(INVOICE), INVOICE.name)
    assert invoice.issuer is not None and invoice.issuer.value == "兰溪市悦济舫餐厅"
    luqiao, _ = read_facts(read(LUQIAO), LUQIAO.name)
    assert luqiao.issuer is not None and luqiao.issuer.value == "路桥区卫生局"


def _with_seal(source: Path, out: Path, seal: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, seal if info.filename.endswith("Seal.esl") else src.read(info))
    return out


def test_a_broken_seal_is_noted_and_the_text_still_read(tmp_path: Path) -> None:
    real = zipfile.ZipFile(CERTIFICATE).read("Doc_0/Signs/Sign_1/Seal.esl")
    try:
        seal_info(real[:500])
    except SealError:
        pass
    else:
        raise AssertionError("a truncated seal reads as whole")
    whole = read(CERTIFICATE)
    for broken in (real[:500], b"", b"\x30\x84\xff\xff\xff\xff"):
        extracted = read(_with_seal(CERTIFICATE, tmp_path / "broken.ofd", broken))
        assert extracted.seals == ()
        assert extracted.text == whole.text and "鲁（2020）泰安市不动产证明" in extracted.text
        assert any("电子签章" in w and "无法读取" in w for w in extracted.warnings)


def test_show_and_the_web_desk_list_the_seals(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for path in (CERTIFICATE, LUQIAO):
        shutil.copy(path, inbox / path.name)
    home = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    assert runner.invoke(cli, ["--home", str(home), "ingest", str(inbox)]).exit_code == 0
    shown = {}
    for doc_id in (1, 2):
        data = json.loads(runner.invoke(cli, ["--home", str(home), "show", str(doc_id), "--json"]).output)
        shown[data["original_name"]] = (doc_id, data)
    doc_id, data = shown[CERTIFICATE.name]
    assert data["seals"] == [{"name": "淄博市周村区自然资源局(不动产登记专用章)", "organ": "淄博市周村区自然资源局",
                              "signed_at": "2020-06-20T09:18:49Z", "provider": "oesplugin（tongz）", "page": 1,
                              "boundary": "90.0 110.0 42.0 42.0"}]
    assert data["issuer"] == "淄博市周村区自然资源局"
    page = runner.invoke(cli, ["--home", str(home), "show", str(doc_id)]).output
    line = next(line for line in page.splitlines() if line.startswith("电子签章："))
    assert "淄博市周村区自然资源局" in line and "签章时间 2020-06-20" in line and "第 1 页" in line
    luqiao_id, luqiao = shown[LUQIAO.name]
    assert [s["name"] for s in luqiao["seals"]] == ["某某省人力资源和社会测试章"]
    with create_app(open_workspace(home)).test_client() as client:
        html = client.get(f"/doc/{doc_id}").get_data(as_text=True)
    assert "<dt>电子签章</dt>" in html and "淄博市周村区自然资源局" in html and "签章时间 2020-06-20" in html
