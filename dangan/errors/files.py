"""Reading the inbox's files: formats, damage, limits, extraction, conversion."""
from __future__ import annotations

from dangan.errors.base import DanganError, ExitCode


class UnsupportedFormat(DanganError):
    code = "UNSUPPORTED_FORMAT"
    exit_code = ExitCode.PARTIAL
    template = "不支持的文件格式（{mime}）"
    hint = ("支持 PDF、DOCX/DOC/WPS/RTF/ODT、XLSX/XLS/ET/ODS/CSV、PPTX/PPT/ODP、OFD、HTML/MHT、"
            "ZIP/7z/RAR 压缩包、TXT/MD 文本和 JPEG/PNG/TIFF/WebP/AVIF 图片。")


class EmptyFile(DanganError):
    code = "EMPTY_FILE"
    exit_code = ExitCode.PARTIAL
    template = "文件为空（0 字节）"
    hint = "请确认文件已完整复制。"


class EncryptedPdf(DanganError):
    code = "ENCRYPTED_PDF"
    exit_code = ExitCode.PARTIAL
    template = "PDF 已加密，无法读取"
    hint = "请向发文单位索取未加密的版本，或解除密码后重新收录。"


class CorruptFile(DanganError):
    code = "CORRUPT_FILE"
    exit_code = ExitCode.PARTIAL
    template = "文件已损坏，无法解析（{detail}）"
    hint = "请重新获取原件。"


class TooLarge(DanganError):
    code = "TOO_LARGE"
    exit_code = ExitCode.PARTIAL
    template = "文件过大或解压后过大（{detail}）"
    hint = "疑似压缩炸弹或异常文件，已隔离。"


class UndecodableText(DanganError):
    code = "UNDECODABLE_TEXT"
    exit_code = ExitCode.PARTIAL
    template = "无法识别文本编码"
    hint = "请另存为 UTF-8 或 GB18030 编码后重新收录。"


class ExtractionFailed(DanganError):
    code = "EXTRACTION_FAILED"
    exit_code = ExitCode.PARTIAL
    template = "提取文字失败（{detail}）"


class ExtractionTimeout(DanganError):
    """The extractor ran past the wall-clock limit and its worker was killed (never retried)."""

    code = "EXTRACTION_TIMEOUT"
    exit_code = ExitCode.PARTIAL
    template = "解析超时：{seconds} 秒内未能读完，已终止解析并隔离"
    hint = ("疑似异常或恶意构造的文件，不会自动重试。确认文件正常后，可调高 dangan.toml 中 "
            "[limits] 的 extract_seconds，再用 dangan ingest 重新收录。")


class ExtractionMemory(DanganError):
    """The extractor needed more memory than the worker's limit (RLIMIT_AS); never retried."""

    code = "EXTRACTION_MEMORY"
    exit_code = ExitCode.PARTIAL
    template = "解析所需内存过大：超过 {mb} MB 上限，已终止解析并隔离"
    hint = ("疑似压缩炸弹或异常文件，不会自动重试。确认文件正常后，可调高 dangan.toml 中 "
            "[limits] 的 extract_memory_mb，再用 dangan ingest 重新收录。")


class FileVanished(DanganError):
    code = "FILE_VANISHED"
    exit_code = ExitCode.PARTIAL
    template = "文件在处理时消失或无法读取（{detail}）"
    hint = "文件可能仍在复制或已被移走，请稍后重试。"


class MissingDependency(DanganError):
    code = "MISSING_DEPENDENCY"
    exit_code = ExitCode.DEPENDENCY
    template = "缺少依赖：{name}"
    hint = "请运行 `pip install -e .` 重新安装 dangan。"


class EncryptedFile(DanganError):
    code = "ENCRYPTED_FILE"
    exit_code = ExitCode.PARTIAL
    template = "文件已加密，无法读取（{detail}）"
    hint = "请向报送单位索取未加密的文件，或在 Office/WPS 中去掉打开密码后重新收录。"


class ConverterMissing(DanganError):
    code = "CONVERTER_MISSING"
    exit_code = ExitCode.DEPENDENCY
    template = "未找到 LibreOffice（soffice），此文件需转换后才能读取；已收录原件，标记为待转换"
    hint = ("请安装 Debian 软件包 libreoffice-writer-nogui（演示文稿另需 libreoffice-impress-nogui），"
            "然后运行 `dangan convert --pending` 补读待转换的文件。")
    hint_template = "请安装 Debian 软件包 {package}（apt-get install {package}），然后运行 `dangan convert --pending` 补读待转换的文件。"

    def __init__(self, *, package: str = "libreoffice-writer-nogui"):
        super().__init__(package=package, hint=self.hint_template.format(package=package))


class ConversionFailed(DanganError):
    code = "CONVERSION_FAILED"
    exit_code = ExitCode.PARTIAL
    template = "格式转换失败：{detail}"
    hint = "用 Office/WPS 打开确认文件完好，另存为 DOCX/PDF 后重新收录。"


class UnsafeMember(DanganError):
    code = "UNSAFE_MEMBER"
    exit_code = ExitCode.PARTIAL
    template = "压缩包成员未收录：{detail}"
    hint = "压缩包中其余文件已照常收录；请向报送单位核实此成员。"


class UnsafeAttachment(DanganError):
    code = "UNSAFE_ATTACHMENT"
    exit_code = ExitCode.PARTIAL
    template = "OFD 附件未收录：{detail}"
    hint = "OFD 文件本身及其余附件已照常收录；请向发文单位核实此附件，或另行取得附件文件后收录。"


class UnsafePdfAttachment(UnsafeAttachment):
    """A file embedded in a PDF not taken: the same code as an OFD's, said of the PDF."""

    template = "PDF 附件未收录：{detail}"
    hint = "PDF 文件本身及其余附件已照常收录；请向发文单位核实此附件，或另行取得附件文件后收录。"


class DiskFull(DanganError):
    code = "DISK_FULL"
    exit_code = ExitCode.DISK_FULL
    template = "磁盘空间不足，无法写入 {path}"
    hint = "请清理磁盘或换到空间更大的位置后重试；已收录的文件不受影响，未处理的文件原样留在原处。"


def is_disk_full(exc: BaseException) -> bool:
    """ENOSPC or EDQUOT (a full disk or an exhausted quota)."""
    import errno

    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


class PathUnusable(DanganError):
    """A path the clerk gave that the system refuses: a file where a folder must be, no permission."""
    code = "PATH_UNUSABLE"
    exit_code = ExitCode.USAGE
    template = "无法使用 {path}：{reason}"
    hint = "请检查路径是否写对、是否有写入权限，或换一个位置。"


_PATH_REASONS = {"EEXIST": "这是一个文件，不是文件夹", "ENOTDIR": "路径中有一段是文件，不是文件夹",
                 "ENOENT": "路径不存在，或此处不能新建文件", "EACCES": "没有权限", "EPERM": "没有权限",
                 "EROFS": "该位置只读", "EISDIR": "这是一个文件夹，这里需要文件", "ENAMETOOLONG": "路径太长"}


def path_error(exc: BaseException, path: object = None) -> DanganError | None:
    """The clerk's words for an OSError about a path (None for any other error)."""
    import errno

    if is_disk_full(exc):
        return DiskFull(path=str(path or getattr(exc, "filename", "") or ""))
    if not isinstance(exc, OSError) or exc.errno is None:
        return None
    reason = _PATH_REASONS.get(errno.errorcode.get(exc.errno, ""))
    if reason is None:
        return None
    return PathUnusable(path=str(path or exc.filename or ""), reason=reason)


# An OSError met while reading a file or folder, in the clerk's words: its strerror is English
# ("Too many levels of symbolic links" for a link pointing at itself in a unit's folder).
_READ_REASONS = {"ENOENT": "文件不存在", "EACCES": "没有读取权限", "EPERM": "没有读取权限", "EISDIR": "是文件夹",
                 "ELOOP": "符号链接循环：链接指向自身，或几个链接互相指向", "ENAMETOOLONG": "路径太长",
                 "EIO": "读取出错：磁盘或网络共享故障", "ESTALE": "网络共享上的文件已失效，共享已被重新挂载",
                 "ENOTCONN": "网络共享已断开", "EHOSTDOWN": "网络共享所在的主机不可达",
                 "EHOSTUNREACH": "网络共享所在的主机不可达", "ETIMEDOUT": "读取超时，网络共享无响应",
                 "EBUSY": "文件正被其他程序占用", "ETXTBSY": "文件正被其他程序占用",
                 "ENXIO": "设备不存在", "ENODEV": "设备不存在", "EINVAL": "文件名或路径不被系统接受",
                 "EILSEQ": "文件名含系统无法处理的字符"}


def read_reason(exc: OSError) -> str:
    """Why a file or folder could not be read, in Chinese; an errno not listed is named by its code."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _READ_REASONS.get(name) or (f"系统错误 {name}" if name else "系统错误")
