"""Round 34 of issue 15: validation_r34's untouched misses whose cause another family's untouched run shows too,
read by widening the rule that family's miss led to (undated_signer) or by a reading written for both (spaced_run_heading,
viewer_rows).

- A 署名 with no date closing the text on its last sentence's line is the author, whether set in brackets after the
  sentence (validation_r26's 大凰山社区 rules, its untouched miss: …工作任务. (鼓楼区洪山镇大凰山社区)) or past a space
  (validation_r34's 物业 notice in a PHP view: …如有疑问请致电豪第坊物业服务处。 豪第坊物业服务处</p>).
- A record run into one line, its words set apart by spaces, has its heading among the words near its start, after a
  cover's or page head's words: validation_r34's 1975 record of speeches as an archive's OCR text (OCR noise, then
  王洪文、纪登奎同志在…会议上的讲话 (记录稿)) and validation_r28's gazette record as Markdown (# 院會紀錄 院 會紀錄
  立法院第6屆第2會期第8次會議紀錄 時  間 …), each with the file's name read for its title on its untouched run.
- A dataset viewer's page is read as the cells its rows hold, the columns' header blanked: validation_r34's row
  (20,922 | 2020-10-13 | 山西省…的通知 | 山西省…的通知: nothing read, the header's index taken for the title) and
  validation_r29's (the header's value | taken for the title), each on its untouched run; validation_r33's row of the same
  owner reads as before.

Each reading is checked on the real files that showed it, with its rule off for what they read before, and on the
same office moved inside the sentence, where it is no 署名.
"""
from __future__ import annotations

from pathlib import Path

from labelled_elements import doc_fields, source_path

from dangan.model import OfficialMeta
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen_viewer import viewer_rows
from dangan.read.understand.metadata import read_facts

WATER = "validation_r34/rule_details.php"
RECORD = "validation_r34/王洪文纪登奎同志在省委工作会议召集人和县委书记会议上的讲话_banned_historical_archives.txt"
GAZETTE = "validation_r28/g0v_ly-gazette_raw_3441.md"
VIEWER = "validation_r34/hf_leetdavid_market_positivity_p77.txt"
VIEWER_R29 = "validation_r29/hf_sj32475983_testdata.txt"
CELERA = "validation_r33/hf_leetdavid_celera_p51.txt"
SHANXI = "山西省人民政府办公厅关于印发晋北肉类出口平台、山西(长治)中药材商贸平台和山西(吕梁)干果商贸平台建设规划的通知"
DAHUANGSHAN = "validation_r26/大凰山社区文明城市创建工作制度_文档网.txt"


def _issuer(meta: OfficialMeta) -> str:
    return meta.issuer.value if meta.issuer is not None else ""


def test_a_signer_past_a_space_after_the_last_sentence() -> None:
    # validation_r34, untouched: the 物业 office's 署名 run onto its notice's last line after a space, read as nothing
    assert doc_fields(WATER)["issuer"] == "豪第坊物业服务处"
    with rules.disabled({"undated_signer"}):
        assert doc_fields(WATER)["issuer"] == ""


def test_a_signer_in_brackets_after_the_last_sentence_as_before() -> None:
    # validation_r26, untouched: the 社区's name in brackets closing the rules, the form the rule read first
    assert doc_fields(DAHUANGSHAN)["issuer"] == "鼓楼区洪山镇大凰山社区"
    with rules.disabled({"undated_signer"}):
        assert doc_fields(DAHUANGSHAN)["issuer"] == ""


def test_an_organ_inside_the_last_sentence_is_no_signer(tmp_path: Path) -> None:
    # the same page with the sentence's full stop moved after the office: the office is then the sentence's last
    # words (…请致电 豪第坊物业服务处。), no 署名
    page = source_path("docs/" + WATER).read_text(encoding="utf-8")
    assert "请致电豪第坊物业服务处。 豪第坊物业服务处</p>" in page
    moved = tmp_path / "rule_details.php"
    moved.write_text(page.replace("请致电豪第坊物业服务处。 豪第坊物业服务处</p>", "请致电 豪第坊物业服务处。</p>"), encoding="utf-8")
    extracted = extractor_for(detect_mime(moved)).extract(moved, Limits())
    assert _issuer(read_facts(extracted, moved.name)[0]) == ""


def test_a_record_run_into_one_line_has_its_heading_near_its_start() -> None:
    # validation_r34, untouched: the OCR text's file name read (no 、, no (记录稿)), its heading after the cover's noise
    assert doc_fields(RECORD)["title"] == "王洪文、纪登奎同志在省委工作会议召集人和县委书记会议上的讲话(记录稿)"
    assert doc_fields(RECORD)["doc_type"] == "讲话"
    with rules.disabled({"spaced_run_heading"}):
        assert doc_fields(RECORD)["title"] == "王洪文纪登奎同志在省委工作会议召集人和县委书记会议上的讲话"


def test_a_gazette_record_run_into_one_line() -> None:
    # validation_r28, untouched and since: the file's name read for the record's title, so no 文种
    assert doc_fields(GAZETTE)["title"] == "立法院第6届第2会期第8次会议纪录"
    assert doc_fields(GAZETTE)["doc_type"] == "会议记录"
    with rules.disabled({"spaced_run_heading"}):
        assert doc_fields(GAZETTE)["title"] == "g0v_ly-gazette_raw_3441"


def test_a_short_first_line_is_no_run(tmp_path: Path) -> None:
    # the record's first 300 characters alone: a line that short is a page's line, not a record run into one
    page = source_path("docs/" + RECORD).read_text(encoding="utf-8")
    short = tmp_path / "record.txt"
    short.write_text(page[:300], encoding="utf-8")
    extracted = extractor_for(detect_mime(short)).extract(short, Limits())
    title = read_facts(extracted, short.name)[0].title
    assert title is None or "记录稿" not in title.value


def test_a_viewer_row_is_read_as_its_cells() -> None:
    # validation_r34, untouched: the row's title cell and text cell on one line, nothing read, the header's index the title
    got = doc_fields(VIEWER)
    assert (got["title"], got["issuer"], got["doc_type"]) == (SHANXI, "山西省人民政府办公厅", "通知")
    with rules.disabled({"viewer_rows"}):
        got = doc_fields(VIEWER)
        assert (got["title"], got["issuer"], got["doc_type"]) == ("index", "", "")


def test_the_header_is_never_the_title() -> None:
    # validation_r29, untouched and since: the header's value | read; the speech's heading is in a cell (its spaced name
    # line 冯 云 波 同 志 is still left out of it)
    assert doc_fields(VIEWER_R29)["title"].endswith("在2018年县政府第一次学习会议上的讲话")
    assert "|" not in doc_fields(VIEWER_R29)["title"]
    with rules.disabled({"viewer_rows"}):
        assert doc_fields(VIEWER_R29)["title"] == "value |"


def test_a_row_read_right_before_reads_the_same() -> None:
    for off in (set(), {"viewer_rows"}):
        with rules.disabled(off):
            got = doc_fields(CELERA)
            assert got["title"] == "交通运输部关于印发《交通运输执法领域突出问题专项整治行动方案》的通知"
            assert (got["issuer"], got["doc_date"]) == ("交通运输部", "2021-04-30")


def test_the_cells_keep_their_offsets() -> None:
    page = source_path("docs/" + VIEWER).read_text(encoding="utf-8")
    rows = viewer_rows(page)
    assert len(rows) == len(page)
    assert not rows[:page.index("20,922")].strip()   # the header blanked
    assert rows[page.index(SHANXI):].startswith(SHANXI)
    assert viewer_rows("关于印发方案的通知\n一 | 二\n") == "关于印发方案的通知\n一 | 二\n"   # no viewer header: as it is
