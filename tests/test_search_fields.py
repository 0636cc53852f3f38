"""Search by official-document elements: filters, field syntax, facets, manual tagging."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, PKULAW, SEED_SPEECH

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.workspace import open_workspace

NPC = sorted((CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025").glob("第十三届*决议.txt"))


@pytest.fixture(scope="module")
def built_ws(tmp_path_factory):
    from dangan.workspace import init_workspace

    workspace = init_workspace(tmp_path_factory.mktemp("fields") / "ws")
    ingest_paths(workspace, [SEED_SPEECH, PKULAW, *NPC])
    return workspace


@pytest.fixture
def ws(built_ws, tmp_path):
    """This test's own copy of the module's workspace: a tag set by one test is not in the next."""
    return open_workspace(Path(shutil.copytree(built_ws.home, tmp_path / "ws")))


def ids(result) -> set[int]:
    return {h.id for h in result.hits}


def doc_id_of(ws, name_part: str) -> int:
    with Catalog(ws.catalog_path) as catalog:
        row = catalog.conn.execute("SELECT document_id FROM sources WHERE path LIKE ?",
                                   (f"%{name_part}%",)).fetchone()
    return row[0]


def test_elements_were_read_at_ingest(ws):
    notice = doc_id_of(ws, "新余市")
    with Catalog(ws.catalog_path) as catalog:
        doc = catalog.get(notice)
    assert (doc.doc_number, doc.issuer, doc.doc_type, doc.doc_date) == (
        "余府发〔2012〕3号", "新余市人民政府办公室", "通知", "2012-01-09")


def test_filter_options(ws):
    notice, speech = doc_id_of(ws, "新余市"), doc_id_of(ws, "seed_speech")
    assert ids(search(ws, "", doc_type="通知", limit=50)) == {notice}
    assert ids(search(ws, "", doc_type="讲话", limit=50)) == {speech}
    assert ids(search(ws, "", issuer="新余市人民政府办公室", limit=50)) == {notice}
    assert ids(search(ws, "", issuer="新余市", limit=50)) == {notice}   # part of the issuer's name
    assert ids(search(ws, "", doc_number="〔2012〕3号", limit=50)) == {notice}
    assert ids(search(ws, "", doc_number="余府发(2012)3号", limit=50)) == {notice}  # variant brackets
    assert ids(search(ws, "", date_from="2012-01-01", date_to="2012-12-31", limit=50)) == {notice}
    resolutions = ids(search(ws, "", doc_type="决议", limit=50))
    assert len(resolutions) == len(NPC)
    # only two of the four carry their date of adoption; the others have none, and get none
    dated = {doc_id_of(ws, "第五次会议"), doc_id_of(ws, "第四次会议")}
    assert ids(search(ws, "", date_from="2021-01-01", date_to="2022-12-31", doc_type="决议", limit=50)) \
        == dated


def test_field_syntax_inside_the_query(ws):
    notice, speech = doc_id_of(ws, "新余市"), doc_id_of(ws, "seed_speech")
    assert ids(search(ws, "type:通知 date:2012-01")) == {notice}
    assert ids(search(ws, 'number:"〔2012〕3"')) == {notice}
    assert ids(search(ws, "文种:讲话 创建办会")) == {speech}
    # the speech states no 成文日期 (時間:2022-03-26 09:11:00 is the site's posting row: 网页发布时间), so no year
    assert ids(search(ws, "year:2022 type:讲话")) == set()
    left_out = search(ws, "year:2022 type:讲话")   # … but it is named: its 网页发布时间 lies in the year
    assert left_out.undated == 1 and [(r["id"], r["posted_date"]) for r in left_out.posted] == [(speech, "2022-03-26")]
    assert search(ws, "from:2021-01-01 to:2021-12-31 type:讲话").posted == ()
    assert ids(search(ws, "绿色建筑 type:讲话")) == set()


def test_item_filter_and_facet_counts(ws):
    speech = doc_id_of(ws, "seed_speech")
    assert speech in ids(search(ws, "item:A01", limit=50))
    facets = search(ws, "", facets=True, limit=1).facets
    assert facets["doc_type"]["决议"] == len(NPC)
    assert facets["doc_type"]["讲话"] == 1
    assert facets["year"]["2012"] >= 1
    assert facets["items"]["A01"] >= 1
    assert sum(facets["doc_type"].values()) == search(ws, "", limit=1).total


def test_tag_by_hand_reindexes_and_survives_auto(ws):
    runner = CliRunner()
    notice = doc_id_of(ws, "新余市")
    result = runner.invoke(cli, ["--home", str(ws.home), "tag", str(notice), "--type", "通报",
                                 "--item", "A05", "--set", "发文机关=区创建办", "--json"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["doc_type"] == "通报" and "A05" in data["items"] and data["issuer"] == "区创建办"
    assert notice in ids(search(ws, "type:通报 item:A05 issuer:区创建办"))
    with Catalog(ws.catalog_path) as catalog:
        catalog.update_fields(notice, {"doc_type": "通知"}, origin="auto")   # an automatic pass
        assert catalog.get(notice).doc_type == "通报"
        catalog.set_items(notice, {"A02": 0.5}, "auto")
        assert "A05" in catalog.item_codes(notice)


def test_tag_rejects_unknown_field_and_item(ws):
    runner = CliRunner()
    bad = runner.invoke(cli, ["--home", str(ws.home), "tag", "1", "--set", "颜色=红"])
    assert bad.exit_code == 3 and "无法识别的著录项" in bad.output
    unknown = runner.invoke(cli, ["--home", str(ws.home), "tag", "1", "--item", "Z99"])
    assert unknown.exit_code == 3 and "未知的测评项目代码" in unknown.output


@pytest.mark.parametrize("args", [("--type", "随便"), ("--set", "文种=会议纪要x"), ("--set", "doc_type=Notice")])
def test_tag_refuses_a_doc_type_outside_the_vocabulary(ws, args):
    with Catalog(ws.catalog_path) as catalog:
        kept = catalog.get(1).doc_type
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "tag", "1", *args])
    assert result.exit_code == 3, result.output
    assert "未知的文种" in result.output
    hint = "".join(line for line in result.output.splitlines() if line.startswith("提示："))
    assert all(kind in hint for kind in ("通知", "通报", "纪要", "讲话", "台账", "照片"))
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.get(1).doc_type == kept                      # nothing written


def test_every_doc_type_the_reader_finds_can_be_set_by_hand():
    from dangan.fields import DOC_TYPES
    from dangan.read.understand.gongwen import DOC_TYPES as READ

    assert set(READ) <= set(DOC_TYPES)


def test_a_doc_type_in_its_everyday_form(ws):
    """Clerks write 会议纪要 and 讲话稿: tag stores the vocabulary's 纪要 / 讲话, and search --type finds
    them (before, tag refused 会议纪要 and search --type 会议纪要 found nothing, silently)."""
    runner = CliRunner()
    home = ["--home", str(ws.home)]
    result = runner.invoke(cli, [*home, "tag", "1", "--type", "会议纪要"], catch_exceptions=False)
    assert result.exit_code == 0 and "文种：纪要" in result.output
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.get(1).doc_type == "纪要"
    for typed in ("纪要", "会议纪要"):
        found = json.loads(runner.invoke(cli, [*home, "search", "--type", typed, "--json"],
                                         catch_exceptions=False).output)
        assert 1 in [hit["id"] for hit in found["results"]], typed
        found = json.loads(runner.invoke(cli, [*home, "search", f"type:{typed}", "--json"],
                                         catch_exceptions=False).output)
        assert 1 in [hit["id"] for hit in found["results"]], typed
    runner.invoke(cli, [*home, "tag", "1", "--set", "文种=讲话稿"], catch_exceptions=False)
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.get(1).doc_type == "讲话"


def test_issuer_as_clerks_shorten_it(tmp_path):
    """--issuer 文明办 finds the 文明办s that sign their full names (real pages of two cities' and a district's)."""
    from dangan.workspace import init_workspace

    pages = Path(__file__).parent / "data" / "elements" / "docs"
    suizhou, zhengxiang = pages / "gov_site_pages_5/随州市文明办两创活动自查通知.txt", \
        pages / "gov_site_pages_2/蒸湘区2020年度文明单位名单公示公告.txt"
    workspace = init_workspace(tmp_path / "ws")
    ingest_paths(workspace, [suizhou, zhengxiang, SEED_SPEECH], ocr=False)
    sz, zx = doc_id_of(workspace, suizhou.name), doc_id_of(workspace, zhengxiang.name)
    assert ids(search(workspace, "", issuer="文明办", limit=50)) == {sz, zx}
    assert ids(search(workspace, "", issuer="随州市文明办", limit=50)) == {sz}
    assert ids(search(workspace, "issuer:蒸湘区文明办", limit=50)) == {zx}
    out = CliRunner().invoke(cli, ["--home", str(workspace.home), "search", "--issuer", "文明办", "--json"])
    assert out.exit_code == 0 and {h["id"] for h in json.loads(out.output)["results"]} == {sz, zx}


# The mass organisations as a district's unit list names them (../shared/data/cepingtixi/departments.json: 区文联,
# 区科协, 区工商联, 区残联, 区妇联) and in full: (short, full) under the district of that list.
MASS_ORGANISATIONS = (("南开区文联", "南开区文学艺术界联合会"), ("南开区科协", "南开区科学技术协会"),
                      ("南开区工商联", "南开区工商业联合会"), ("南开区残联", "南开区残疾人联合会"),
                      ("南开区侨联", "南开区归国华侨联合会"), ("南开区社科联", "南开区社会科学界联合会"),
                      ("南开区妇联", "南开区妇女联合会"))


def test_mass_organisations_and_committees_as_clerks_shorten_them(tmp_path):
    """--issuer 区文联 finds what 南开区文学艺术界联合会 signed and the reverse; 幸福社区居委会 finds the 幸福社区居民委员会,
    柳河村委会 and 柳河村村委会 the 柳河村村民委员会 (real community and village records). The organisations' documents:
    the real 印江 门前三包 倡议书, its three stacked organs over 2025年3月2日 replaced by one organisation, signed in
    full or short by turns."""
    from dangan.workspace import init_workspace

    docs = Path(__file__).parent / "data" / "elements" / "docs"
    appeal = (docs / "validation_r26/印江县三部门门前三包倡议书_县政府网站.txt").read_text(encoding="utf-8")
    signers = "印江自治县住房和城乡建设局\n\n印江自治县市场监督管理局\n\n印江自治县融媒体中心\n"
    assert appeal.count(signers) == 1
    derived = tmp_path / "derived"
    derived.mkdir()
    signed: dict[str, Path] = {}
    for k, (short, full) in enumerate(MASS_ORGANISATIONS):
        signer = full if k % 2 == 0 else short
        signed[short] = derived / f"{signer}门前三包倡议书.txt"
        signed[short].write_text(appeal.replace(signers, signer + "\n"), encoding="utf-8")
    xingfu, donghu = docs / "fresh_holdout/幸福社区2023年工作总结.txt", docs / "meeting_records/东湖社区居民委员会会议记录.txt"
    liuhe = docs / "meeting_records/柳河村村民委员会会议记录_GBK.txt"
    workspace = init_workspace(tmp_path / "ws")
    ingest_paths(workspace, [*signed.values(), xingfu, donghu, liuhe], ocr=False)
    doc = {short: doc_id_of(workspace, path.name) for short, path in signed.items()}
    with Catalog(workspace.catalog_path) as catalog:   # each read as signed, in full or short
        assert [catalog.get(doc[short]).issuer for short, _ in MASS_ORGANISATIONS] == [
            full if k % 2 == 0 else short for k, (short, full) in enumerate(MASS_ORGANISATIONS)]
    for short, full in MASS_ORGANISATIONS:
        assert ids(search(workspace, "", issuer=short, limit=50)) == {doc[short]}, short
        assert ids(search(workspace, "", issuer=full, limit=50)) == {doc[short]}, full
        assert ids(search(workspace, "", issuer=short.removeprefix("南开"), limit=50)) == {doc[short]}   # 区文联
    assert ids(search(workspace, "issuer:区文学艺术界联合会", limit=50)) == {doc["南开区文联"]}

    xf, dh, lh = (doc_id_of(workspace, p.name) for p in (xingfu, donghu, liuhe))
    assert ids(search(workspace, "", issuer="幸福社区居委会", limit=50)) == {xf}
    assert ids(search(workspace, "", issuer="居委会", limit=50)) == {xf, dh}
    assert ids(search(workspace, "", issuer="柳河村委会", limit=50)) == {lh}
    assert ids(search(workspace, "", issuer="柳河村村委会", limit=50)) == {lh}
    assert ids(search(workspace, "", issuer="村委会", limit=50)) == {lh}
    out = CliRunner().invoke(cli, ["--home", str(workspace.home), "search", "--issuer", "区文联", "--json"])
    assert out.exit_code == 0 and {h["id"] for h in json.loads(out.output)["results"]} == {doc["南开区文联"]}
    out = CliRunner().invoke(cli, ["--home", str(workspace.home), "search", "--issuer", "东湖社区居委会"])
    assert out.exit_code == 0 and "东湖社区居民委员会" in out.output and "幸福社区" not in out.output
