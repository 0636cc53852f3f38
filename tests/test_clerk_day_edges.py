"""Small rough edges met in a clerk's day on messy real input (clerk17's trial), each through the CLI."""
from __future__ import annotations

import json

from clerk_desk import BEIJING, SHANGHAI, dangan


def test_issuing_from_the_gaps_when_nothing_is_owed_says_why_also_in_a_dry_run(clerk_desk) -> None:
    """Ⅲ-77's two requirements both have evidence: --dry-run said 将下发 0 项任务给 0 个责任单位, no word
    of why (the run without it said 没有要下发的任务…)."""
    home, ids = clerk_desk
    for doc, req in ((ids[SHANGHAI.name], "1"), (ids[BEIJING.name], "2")):
        dangan(home, "tag", str(doc), "--item", "Ⅲ-77", "--req", req, "--taxonomy", "national-2015")
    before = json.loads(dangan(home, "tasks", "--json").output)["tasks"]
    for dry in (("--dry-run",), ()):
        said = dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015", "--item", "Ⅲ-77",
                      "--deadline", "周五前", *dry).output
        assert "没有要下发的任务：所选测评内容的申报要求都已有材料，或都未录责任单位。" in said, said
        assert "将下发 0 项" not in said
    assert json.loads(dangan(home, "tasks", "--json").output)["tasks"] == before
