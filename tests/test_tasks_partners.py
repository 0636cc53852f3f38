"""A task's lead stands apart from its 配合 partners, in the draft and in the 责任单位 column the clerk reads.

The task bench scores the responsible units (the lead where the draft marks partners apart) against its labels, whose
header says partners are not owners; this is the product behaviour that scoring rests on, on the real 县政府常务会议纪要
(validation_r9): 由县住建局牵头，县财政局、县自然资源局配合，9月底前开工。"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from real_tasks import one

from dangan.compose.ledger import owners_cell
from dangan.compose.minutes.render import owners_cn
from dangan.compose.minutes.speech import draft_minutes

RECORD = Path(__file__).parent / "data" / "elements" / "docs" / "meeting_records" / "县政府常务会议纪要.txt"


def test_the_lead_apart_from_its_partners(units):
    tasks = list(draft_minutes(RECORD.read_text(encoding="utf-8"), date(2021, 6, 28), units=units).tasks)
    row = one(tasks, "9月底前开工")
    assert row.lead == ("县住建局",)
    assert row.owners == ("县住建局", "县财政局", "县自然资源局")
    assert owners_cn(row) == "牵头：县住建局；配合：县财政局、县自然资源局"
    assert owners_cell(row.to_dict()) == owners_cn(row)
    # a row whose owners all lead shows them as they are (no 牵头/配合 split)
    several = one(tasks, "三个专项排查")
    assert several.lead == several.owners
    assert owners_cn(several) == "、".join(several.owners)
