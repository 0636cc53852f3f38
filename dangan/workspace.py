"""The workspace on disk and its settings file, dangan.toml."""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dangan.errors import ConfigError, WorkspaceMissing

CONFIG_NAME = "dangan.toml"
DEFAULT_HOME = "dangan-data"
ENV_HOME = "DANGAN_HOME"
ENV_DATABASE = "DANGAN_DATABASE_URL"

DEFAULT_TOML = """\
# dangan 工作区设置（修改后重启 watch / serve 生效）

[workspace]
fonds = ""          # 全宗号，例如 "0194"
unit = ""           # 单位名称，用于汇编封面、目录和纪要的编印单位
org_code = "BGS"    # 机构（问题）代码

[taxonomy]
# 测评体系：district-nine（创建工作九个方面）、national-2015（全国文明城市测评体系2015年版城区），
# 或放在 taxonomies/<代码>.toml 的自备版本（如 2021、2023 年版）；dangan taxonomy list 列出可用的。
edition = "district-nine"

[index]
backend = "whoosh"  # "whoosh"（默认）、"tantivy"（一万件以上）或 "postgres"（多台机器共用，须设 database）

[ocr]
enabled = true
workers = 2
max_pages = 500     # 每件文件至多识别的页数（超出的页留待人工处理）

[watch]
stability_seconds = 2.0
rescan_minutes = 5

[limits]
max_file_mb = 200          # 超过此大小的文件隔离
max_unzipped_mb = 500      # DOCX 解压后上限（防压缩炸弹）
extract_seconds = 120      # 单个文件的解析时限，超时即终止并隔离
extract_memory_mb = 1024   # 单个解析进程的内存上限，超出即终止并隔离
conversion_timeout_s = 90  # LibreOffice 转换一件文件的时限（秒，小于 extract_seconds），超时即终止并隔离

[web]
allowed_hosts = []  # 网页工作台接受的主机名（本机名与 --host 地址总是允许），例如 ["dangan.office.lan"]

[[inbox]]
path = "inbox"

# 子文件夹默认值：文件放进 inbox/讲话/ 即记为文种“讲话”
[inbox.defaults."讲话"]
doc_type = "讲话"

# inbox/佐证材料/<社区名>/ 下的文件记录标签 社区=<社区名>
[inbox.tag_from_folder]
"佐证材料" = "社区"
"""


@dataclass(frozen=True, slots=True)
class Inbox:
    path: Path
    defaults: dict[str, dict[str, str]] = field(default_factory=dict)  # sub-folder -> fields
    tag_from_folder: dict[str, str] = field(default_factory=dict)      # sub-folder -> tag name


@dataclass(frozen=True, slots=True)
class Settings:
    fonds: str = ""
    unit: str = ""
    org_code: str = "BGS"
    index_backend: str = "whoosh"
    index_database: str | None = None   # postgresql://… for the postgres backend
    index_schema: str = "dangan"        # the PostgreSQL schema holding this archive's index
    ocr_enabled: bool = True
    ocr_workers: int = 2
    ocr_engine: str = "rapidocr"   # or "package.module:factory" (tests plug a fake engine in here)
    stability_seconds: float = 2.0
    rescan_minutes: float = 5.0
    max_file_mb: float = 200.0
    max_unzipped_mb: float = 500.0
    ocr_max_pages: int = 500
    web_allowed_hosts: tuple[str, ...] = ()
    extract_seconds: float = 120.0
    extract_memory_mb: float = 1024.0
    conversion_timeout_s: float = 90.0
    inboxes: tuple[Inbox, ...] = ()
    taxonomy: str = "district-nine"     # the edition of the 测评体系 this workspace works to


@dataclass(frozen=True, slots=True)
class Workspace:
    """Paths and settings of one workspace; passed explicitly to every stage."""

    home: Path
    settings: Settings

    @property
    def config_file(self) -> Path:
        return self.home / CONFIG_NAME

    @property
    def inbox(self) -> Path:
        return self.settings.inboxes[0].path if self.settings.inboxes else self.home / "inbox"

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def originals(self) -> Path:
        return self.home / "originals"

    @property
    def quarantine(self) -> Path:
        return self.home / "quarantine"

    @property
    def out(self) -> Path:
        return self.home / "out"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def lock_file(self) -> Path:
        return self.home / ".writer.lock"

    @property
    def taxonomy_file(self) -> Path:
        return self.home / "taxonomy.toml"

    def describe(self) -> dict[str, Any]:
        s = self.settings
        return {
            "home": str(self.home), "inbox": str(self.inbox),
            "inboxes": [str(i.path) for i in s.inboxes],
            "catalog": str(self.catalog_path), "index": str(self.index_dir),
            "index_backend": s.index_backend, "originals": str(self.originals),
            "quarantine": str(self.quarantine), "out": str(self.out),
            "fonds": s.fonds, "unit": s.unit, "ocr": s.ocr_enabled,
        }


def resolve_home(option: str | Path | None, environ: dict[str, str] | None = None) -> Path:
    """--home wins over $DANGAN_HOME, which wins over ./dangan-data."""
    env = os.environ if environ is None else environ
    chosen = option or env.get(ENV_HOME) or DEFAULT_HOME
    return Path(chosen).expanduser().absolute()


def init_workspace(home: Path) -> Workspace:
    """Create the layout (idempotent: an existing dangan.toml is kept)."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / CONFIG_NAME
    if not config.exists():
        config.write_text(DEFAULT_TOML, encoding="utf-8")
    ws = open_workspace(home)
    for folder in (ws.originals, ws.quarantine, ws.out, ws.logs, ws.index_dir):
        folder.mkdir(parents=True, exist_ok=True)
    for inbox in ws.settings.inboxes:
        inbox.path.mkdir(parents=True, exist_ok=True)
    return ws


def open_workspace(home: Path) -> Workspace:
    config = home / CONFIG_NAME
    if not config.is_file():
        raise WorkspaceMissing(home=str(home))
    try:
        text = config.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(detail=f"{config} 不是 UTF-8 编码（可能被记事本另存为 ANSI）",
                          hint="用记事本“另存为”，编码选 UTF-8 后保存。") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(detail=toml_problem(exc, text), hint=TOML_HINT) from exc
    return Workspace(home=home, settings=_settings(home, data))


# tomllib's words, in a clerk's: dangan.toml is edited by hand (the 单位名称 typed without its quotes)
_TOML_WORDS = (("Invalid value", "值的写法不对"), ("Illegal character", "引号没有配对或有不允许的字符"),
               ("Expected '=' after a key", "名称后面缺少 ="), ("Cannot overwrite a value", "同一项设置写了两次"),
               ("Cannot declare", "同一节写了两次"), ("Unclosed array", "方括号没有配对"),
               ("Expected newline or end of document", "一行里写了不止一项"), ("Invalid statement", "这一行无法识别"))
TOML_HINT = "文字要加英文双引号，如 unit = \"某区创建办\"；数字和 true/false 不加引号；说明写在 # 后面。"


def toml_problem(exc: tomllib.TOMLDecodeError, text: str) -> str:
    """Where dangan.toml is wrong and how, in Chinese, with the line as written
    (tomllib said: Invalid value (at line 5, column 8))."""
    said = str(exc)
    what = next((words for english, words in _TOML_WORDS if said.startswith(english)), "语法有误")
    at = re.search(r"at line (\d+), column (\d+)", said)
    if not at:
        return f"dangan.toml {what}"
    number = int(at.group(1))
    lines = text.splitlines()
    line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
    return f"dangan.toml 第 {number} 行{what}" + (f"：{line}" if line else "")


def _settings(home: Path, data: dict[str, Any]) -> Settings:
    ws, index = data.get("workspace", {}), data.get("index", {})
    ocr, watch, limits = data.get("ocr", {}), data.get("watch", {}), data.get("limits", {})
    web = data.get("web", {})
    inboxes = tuple(
        Inbox(path=(home / entry.get("path", "inbox")).absolute(),
              defaults={k: dict(v) for k, v in entry.get("defaults", {}).items()},
              tag_from_folder=dict(entry.get("tag_from_folder", {})))
        for entry in data.get("inbox", [{"path": "inbox"}])
    )
    backend = str(index.get("backend", "whoosh"))
    if backend not in ("whoosh", "tantivy", "postgres"):
        raise ConfigError(detail=f"[index] backend 只能是 whoosh、tantivy 或 postgres，而不是 {backend!r}")
    database = str(index.get("database") or os.environ.get(ENV_DATABASE, "")) or None
    if backend == "postgres" and not database:
        raise ConfigError(detail="[index] backend = \"postgres\" 须同时设置 database（或环境变量 DANGAN_DATABASE_URL）")
    return Settings(
        fonds=str(ws.get("fonds", "")), unit=str(ws.get("unit", "")),
        org_code=str(ws.get("org_code", "BGS")), index_backend=backend,
        index_database=database, index_schema=str(index.get("schema", "dangan")),
        ocr_enabled=bool(ocr.get("enabled", True)), ocr_workers=int(ocr.get("workers", 2)),
        ocr_engine=str(ocr.get("engine", "rapidocr")),
        stability_seconds=float(watch.get("stability_seconds", 2.0)),
        rescan_minutes=float(watch.get("rescan_minutes", 5)),
        max_file_mb=float(limits.get("max_file_mb", 200)),
        max_unzipped_mb=float(limits.get("max_unzipped_mb", 500)),
        ocr_max_pages=int(ocr.get("max_pages", 500)),
        web_allowed_hosts=tuple(str(h).lower() for h in web.get("allowed_hosts", [])),
        extract_seconds=float(limits.get("extract_seconds", 120)),
        extract_memory_mb=float(limits.get("extract_memory_mb", 1024)),
        conversion_timeout_s=float(limits.get("conversion_timeout_s", 90)),
        inboxes=inboxes,
        taxonomy=str(data.get("taxonomy", {}).get("edition", "district-nine")) or "district-nine",
    )


def save_settings(ws: Workspace, section: str, values: dict[str, str]) -> Workspace:
    """Set `[section] key = "value"` in dangan.toml and return the workspace reopened.

    The file is a clerk's, with comments that explain each setting: a value is put in place (the
    comment after it kept, a missing key added under its section heading), each value as tomli_w
    writes it; the result must read back as the old settings with just these values changed, and is
    written whole or not at all.
    """
    import tomli_w

    config = ws.config_file
    text = config.read_text(encoding="utf-8")
    expected = tomllib.loads(text)
    expected[section] = {**expected.get(section, {}), **values}
    for key, value in values.items():
        text = _set_value(text, section, key, tomli_w.dumps({key: value}).split("=", 1)[1].strip())
    try:
        written: dict[str, Any] | None = tomllib.loads(text)
    except tomllib.TOMLDecodeError:   # e.g. a key written by hand as a number: added again, twice
        written = None
    if written != expected:
        raise ConfigError(detail=f"[{section}] 中 {'、'.join(values)} 的写法不是 键 = \"值\"，无法自动写入，"
                                 f"请在 {config.name} 中手工填写")
    tmp = config.with_name(config.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, config)
    return open_workspace(ws.home)


def _set_value(text: str, section: str, key: str, value: str) -> str:
    header = re.search(rf"(?m)^\[{re.escape(section)}\][ \t]*(#.*)?$", text)
    if header is None:
        return text.rstrip("\n") + f"\n\n[{section}]\n{key} = {value}\n"
    nxt = re.search(r"(?m)^[ \t]*\[", text[header.end():])
    end = header.end() + nxt.start() if nxt else len(text)

    def put(match: re.Match[str]) -> str:   # the key and its spacing stay, and any comment after the value
        return match.group(1) + value

    body, count = re.subn(rf"""(?m)^([ \t]*{re.escape(key)}[ \t]*=[ \t]*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*')""",
                          put, text[header.end():end], count=1)
    if not count:
        body = f"\n{key} = {value}" + body
    return text[:header.end()] + body + text[end:]
