"""Photos as phones and chat apps hand them over: WebP and AVIF (chat and web downloads), a JPEG
whose pixels lie sideways with an EXIF orientation tag, an MPO (a phone's JPEG with a second frame),
and an iPhone's HEIC (through pillow-heif). Each is known by its bytes, not its name; the EXIF date is
kept, the page is turned upright before OCR and the original is archived byte for byte. Before, WebP and
AVIF went to quarantine as 不支持的文件格式（application/octet-stream）, and so did HEIC, with no word of why."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from PIL import Image

from dangan.archive.describe import describe
from dangan.errors import UnsupportedFormat
from dangan.intake.batch import ingest_paths
from dangan.pictures import heif_ready
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.registry import extractor_for
from dangan.workspace import init_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

SCANS = Path(__file__).parent / "data/elements/docs/ocr_scans"
TAKEN = "2024:05:06 10:11:12"
# A HEIC's first box as an iPhone writes it (brands heic, mif1, miaf, MiHB): HEIC by its bytes.
HEIC_HEAD = (b"\x00\x00\x00\x24ftypheic\x00\x00\x00\x00mif1MiHEmiafMiHBheic"
             b"\x00\x00\x0f\xe8meta\x00\x00\x00\x00" + bytes(64))


def _exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0132] = TAKEN
    exif.get_ifd(0x8769)[0x9003] = TAKEN
    return exif.tobytes()


def _scan(name: str) -> Image.Image:
    with Image.open(SCANS / name) as image:
        return image.convert("RGB")


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each kind once, named as it arrives (a WebP saved as .jpg by a chat app, a HEIC named .jpg)."""
    folder = tmp_path_factory.mktemp("photos")
    letter = _scan("关于报送2021年度统计数据的函.png")
    notice = _scan("关于做好2022年春节期间值班工作的通知.png")
    minutes = _scan("社区两委联席会议记录.png")
    files = {"webp": folder / "微信图片_20240506.jpg", "avif": folder / "下载.avif",
             "mpo": folder / "IMG_2041.JPG", "heic": folder / "IMG_2042.jpg", "iphone": folder / "IMG_2043.HEIC"}
    # sideways as a phone stores it: the pixels turned, EXIF 6 says "turn 90° clockwise to view"
    letter.rotate(90, expand=True).save(files["webp"], "WEBP", quality=75, exif=_exif(6))
    notice.rotate(-90, expand=True).save(files["avif"], "AVIF", quality=60, exif=_exif(8))
    minutes.save(files["mpo"], "MPO", save_all=True, append_images=[minutes.resize((310, 438))],
                 exif=_exif(1), quality=80)
    files["heic"].write_bytes(HEIC_HEAD)   # a photo cut off after its first boxes (a failed transfer)
    assert heif_ready()
    # the letter's head only (another text than the WebP's, so no 同文异版 of it), sideways: its upper
    # 3/5 held every line of the letter, the same text as the WebP's to the letter and digit
    upper = letter.crop((0, 0, letter.width, letter.height // 4))
    upper.rotate(90, expand=True).save(files["iphone"], "HEIF", quality=80, exif=_exif(6))
    return files


def test_photo_kinds_are_known_by_their_bytes(photos: dict[str, Path]) -> None:
    assert detect.detect_mime(photos["webp"]) == detect.WEBP     # named .jpg
    assert detect.detect_mime(photos["avif"]) == detect.AVIF
    assert detect.detect_mime(photos["mpo"]) == detect.JPEG
    assert detect.detect_mime(photos["heic"]) == detect.HEIC     # named .jpg
    assert detect.detect_mime(photos["iphone"]) == detect.HEIC


def test_a_video_is_not_taken_for_a_photo(tmp_path: Path) -> None:
    video = tmp_path / "录像.mp4"
    video.write_bytes(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + bytes(64))
    assert detect.detect_mime(video) == detect.UNKNOWN


@pytest.fixture(scope="module")
def ingested(photos: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):
    ws = init_workspace(tmp_path_factory.mktemp("ws") / "ws")
    report = ingest_paths(ws, list(photos.values()), ocr=True).to_dict()
    ids = {d["path"]: d["id"] for d in report["documents"]}
    return ws, report, {kind: ids.get(str(path)) for kind, path in photos.items()}


@pytest.mark.parametrize("kind, first_lines", [
    ("webp", "云溪县统计局\n关于报送2021年度统计年报数据的函"),
    ("avif", "关于做好2022年春节期间值班工作的通知"),
    ("mpo", "联席会议记录\n时间：2021年11月5日下午3时"),
    ("iphone", "云溪县统计局\n关于报送2021年度统计年报数据的函"),
])
def test_a_phone_photo_is_read_upright_with_its_date_and_kept_unchanged(ingested, photos, kind, first_lines):
    ws, report, ids = ingested
    data = describe(ws, ids[kind])
    assert data["taken_at"] == "2024-05-06T10:11:12"
    assert data["ocr_pages"] == [1] and data["ocr_confidence"] > 0.95
    assert first_lines in data["text"]
    original = Path(data["original"]).read_bytes()
    assert hashlib.sha256(original).hexdigest() == hashlib.sha256(photos[kind].read_bytes()).hexdigest()


def test_a_cut_off_heic_is_quarantined_as_broken_and_kept(ingested, photos):
    ws, report, ids = ingested
    failed = {f["path"]: f for f in report["failed"]}
    assert ids["heic"] is None and list(failed) == [str(photos["heic"])]
    assert failed[str(photos["heic"])]["reason"].startswith("文件已损坏，无法解析（图片无法解析")
    assert next(ws.quarantine.rglob("IMG_2042.jpg")).read_bytes() == HEIC_HEAD   # nothing lost


def test_without_pillow_heif_a_heic_is_refused_saying_why_and_what_to_do(photos, monkeypatch):
    """A machine whose pillow-heif is missing (its wheel did not install): the reading stops with the
    reason and what to do, which ingest writes beside the file it keeps in quarantine."""
    monkeypatch.setitem(sys.modules, "pillow_heif", None)   # import pillow_heif raises ImportError
    heif_ready.cache_clear()
    try:
        with pytest.raises(UnsupportedFormat) as refused:
            extractor_for(detect.HEIC).extract(photos["iphone"], Limits())
    finally:
        heif_ready.cache_clear()
    assert refused.value.message.startswith("HEIC/HEIF 照片（苹果手机默认格式）暂不支持")
    assert "兼容性最佳" in refused.value.hint
