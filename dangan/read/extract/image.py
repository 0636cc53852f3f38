"""Photos and scans: archived as evidence with their EXIF date; text comes from OCR, a page per
frame of a multi-page TIFF (what a scanner's feeder or a fax gives for a whole document).

Photos arrive as phones and chat apps give them: JPEG (an MPO's first frame is the photo), WebP and
AVIF (chat and web downloads), an iPhone's HEIC/HEIF (through pillow-heif, `dangan.pictures`), each with
its EXIF date and orientation (`ocr.prepare_image` turns the pixels upright before OCR; the original is
archived unchanged). Where pillow-heif is missing, a HEIC is quarantined with the reason and what to do."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from dangan.errors import CorruptFile, MissingDependency, TooLarge, UnsupportedFormat
from dangan.model import Extracted, Page
from dangan.pictures import heif_ready
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import corrupt, explained
from dangan.read.extract.registry import register

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_PIXELS = 200_000_000
EXIF_DATETIME_ORIGINAL, EXIF_DATETIME, EXIF_IFD = 0x9003, 0x0132, 0x8769


@register
class ImageExtractor:
    name: ClassVar[str] = "image"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.JPEG, detect.PNG, detect.TIFF, detect.WEBP, detect.AVIF})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        try:
            from PIL import Image
        except ImportError as exc:  # pragma: no cover
            raise MissingDependency(name="pillow") from exc
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        heif_ready()
        try:
            with Image.open(path) as img:
                if img.width * img.height > MAX_PIXELS:
                    raise TooLarge(detail=f"{img.width}×{img.height} 像素")
                img.verify()
            with Image.open(path) as img:
                taken = exif_date(img)
                # a scanner's multi-page TIFF; a phone's MPO JPEG holds a preview or depth frame, not a page
                frames = max(1, int(getattr(img, "n_frames", 1))) if img.format == "TIFF" else 1
        except (TooLarge, CorruptFile):
            raise
        except Image.DecompressionBombError as exc:
            raise explained(TooLarge(detail=f"图片像素过多（上限 {MAX_PIXELS // 1_000_000} 百万像素）"), exc) from exc
        except Exception as exc:  # PIL raises many types for broken images
            if (codec := _missing_codec(path)) is not None:
                raise UnsupportedFormat(f"{codec} 图片无法解码：本机的 Pillow 未带 {codec} 支持",
                                        hint="请安装带该格式支持的 Pillow（pip install -U pillow），"
                                             "或将图片另存为 JPEG/PNG 后重新收录。") from exc
            raise corrupt("图片无法解析", exc) from exc
        return Extracted(pages=tuple(Page(n, "") for n in range(1, frames + 1)), extractor=self.name,
                         needs_ocr=True, taken_at=taken, page_count=frames)


@register
class HeicExtractor:
    """An iPhone's HEIC/HEIF photo, read as the other photos are when pillow-heif (libheif) is installed
    (a dependency); without it, quarantined with the reason rather than as an unknown format."""

    name: ClassVar[str] = "heic"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.HEIC})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        if heif_ready():
            return ImageExtractor().extract(path, limits)
        raise UnsupportedFormat("HEIC/HEIF 照片（苹果手机默认格式）暂不支持：本机无 HEIC 解码库",
                                hint="请在手机上以 JPEG 导出或发送（iPhone：设置 → 相机 → 格式 → 兼容性最佳；"
                                     "微信发送时不勾选“原图”即为 JPEG），再重新收录。")


def _missing_codec(path: Path) -> str | None:
    """'WebP' or 'AVIF' when the file is one and this Pillow was built without its codec."""
    from PIL import features

    mime = detect.detect_mime(path)
    for kind, feature, codec in ((detect.WEBP, "webp", "WebP"), (detect.AVIF, "avif", "AVIF")):
        if mime == kind and not features.check(feature):
            return codec
    return None


def exif_date(img: Image) -> str | None:
    try:
        exif = img.getexif()
    except Exception:
        return None
    raw = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    if not raw:
        return None
    try:
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None
