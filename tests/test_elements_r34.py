"""Round 34 of issue 15: validation_r34's untouched misses whose cause another family's untouched run shows too,
read by widening the rule that family's miss led to (undated_signer).

- A 署名 with no date closing the text on its last sentence's line is the author, whether set in brackets after the
  sentence (validation_r26's 大凰山社区 rules, its untouched miss: …工作任务. (鼓楼区洪山镇大凰山社区)) or past a space
  (validation_r34's 物业 notice in a PHP view: …如有疑问请致电豪第坊物业服务处。 豪第坊物业服务处</p>).

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
from dangan.read.understand.metadata import read_facts

WATER = "validation_r34/rule_details.php"
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
