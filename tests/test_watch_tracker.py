"""The watcher's stability tracker, temporary names and folder defaults, with an injected clock."""
from __future__ import annotations

from pathlib import Path

from dangan.intake.queue import is_temporary, origin_for
from dangan.intake.stability import StabilityTracker
from dangan.workspace import Inbox


class FakeFiles:
    def __init__(self) -> None:
        self.now = 0.0
        self.files: dict[Path, tuple[int, int] | None] = {}

    def clock(self) -> float:
        return self.now

    def stat(self, path: Path) -> tuple[int, int] | None:
        return self.files.get(path)


def test_tracker_waits_for_size_and_mtime_to_settle():
    fs, path = FakeFiles(), Path("/in/a.pdf")
    tracker = StabilityTracker(2.0, clock=fs.clock, stat=fs.stat)
    fs.files[path] = (10, 1)
    assert tracker.note(path, "created") is True
    assert tracker.note(path, "closed") is False       # known already
    fs.now = 1.9
    assert tracker.ready() == []
    fs.now, fs.files[path] = 2.5, (20, 2)               # grew without an event (network share)
    assert tracker.ready() == []
    fs.now = 4.0
    assert tracker.ready() == []                        # only 1.5 s since the change
    fs.now = 4.6
    assert tracker.ready() == [path]
    assert len(tracker) == 0 and tracker.ready() == []


def test_tracker_requires_a_close_after_writes_unless_polling():
    fs, path = FakeFiles(), Path("/in/slow.docx")
    tracker = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat, patience=30)
    polling = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat, require_close=False)
    fs.files[path] = (5, 1)
    tracker.note(path, "created")
    polling.note(path, "created")
    fs.files[path] = (9, 2)
    tracker.note(path, "modified")
    polling.note(path, "modified")
    fs.now = 5.0                                         # writer paused, file still open
    assert tracker.ready() == []
    assert polling.ready() == [path]
    tracker.note(path, "closed")
    assert tracker.ready() == [path]


def test_tracker_takes_a_silent_writer_after_patience_and_reports_vanished_files():
    fs, held, gone = FakeFiles(), Path("/in/held.pdf"), Path("/in/gone.pdf")
    tracker = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat, patience=30)
    fs.files.update({held: (1, 1), gone: (1, 1)})
    tracker.note(held, "modified")
    tracker.note(gone, "created")
    assert tracker.note(Path("/in/never.pdf"), "created") is False   # vanished before seen
    fs.files[gone] = None
    fs.now = 1.5
    assert tracker.ready() == []            # gone: changed (to missing) at 1.5
    fs.now = 3.0
    assert tracker.ready() == [gone]        # the journal decides what a missing file means
    fs.now = 31.0
    assert tracker.ready() == [held]


def test_tracker_postpones_retries_and_once_mode_abandons_restless_files():
    fs, path = FakeFiles(), Path("/in/locked.pdf")
    tracker = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat)
    fs.files[path] = (3, 3)
    tracker.postpone(path, 4.0)
    fs.now = 3.9
    assert tracker.ready() == []
    fs.now = 4.0
    assert tracker.ready() == [path]
    tracker.note(path, "scan")
    for step in range(1, 40):               # rewritten every second for 40 s
        fs.now, fs.files[path] = 4.0 + step, (3 + step, 3 + step)
        assert tracker.ready() == []
    assert tracker.abandon(30.0) == [path] and len(tracker) == 0


def test_temporary_names():
    for name in ("~$草稿.docx", "下载.PDF.crdownload", "a.part", "x.TMP", ".~lock.a.docx#", ".隐藏.txt"):
        assert is_temporary(name), name
    for name in ("通知.pdf", "a..b.txt", "讲话~.docx", "tmp.pdf"):
        assert not is_temporary(name), name


def test_folder_defaults_and_tags_make_the_origin():
    inbox = Inbox(Path("/w/inbox"), defaults={"讲话": {"文种": "讲话"}, "佐证材料": {"测评项目": "A1"},
                                              "佐证材料/幸福社区": {"issuer": "幸福社区居委会"}},
                  tag_from_folder={"佐证材料": "社区"})
    speech = origin_for(Path("/w/inbox/讲话/2022/部署会.txt"), inbox)
    assert speech.overrides == {"doc_type": "讲话"} and speech.tags == {}
    proof = origin_for(Path("/w/inbox/佐证材料/幸福社区/照片/1.jpg"), inbox)
    assert proof.overrides == {"issuer": "幸福社区居委会"}
    assert proof.tags == {"社区": "幸福社区", "测评项目": "A1"}
    assert origin_for(Path("/w/inbox/佐证材料/总表.xlsx"), inbox).tags == {"测评项目": "A1"}
    top = origin_for(Path("/w/inbox/通知.pdf"), inbox)
    assert (top.overrides, top.tags, top.move_failed, top.inbox) == ({}, {}, True, "/w/inbox")
