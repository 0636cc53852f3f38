"""Shared fixtures: the real corpus, fresh workspaces, one ingested corpus per test run."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dangan.workspace import Workspace, init_workspace, open_workspace

# the web desk's session-wide workspace and client (desk, app, client) for the test_web* modules, the
# clerk's desk (clerk_desk) for the test_clerk_* modules, and the order xdist hands modules out (module_order)
pytest_plugins = ("web_desk", "clerk_desk", "module_order")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED_SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
SCANNED_PDF = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Guangdong_test.pdf"
PKULAW = CORPUS / "txt" / "cn_normative_docs_pkulaw"


# The tests' temporary folders go to a RAM disk where it has room: every workspace syncs its catalogue and
# originals to disk as it writes them (fsync, SQLite's fdatasync), tens of thousands of times a run, each a wait
# for the disk of up to tens of milliseconds on a disk shared with others, none on tmpfs. The code run is
# the same (it still asks for every sync). The folders of a run that passed are removed at its end
# (`tmp_path_retention_policy = "failed"` in pyproject.toml), so the RAM is given back.
RAM_DISK = Path("/dev/shm")
RAM_DISK_ROOM = 8 * 2**30   # a full run writes about 2 GB


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER") or config.option.basetemp or "PYTEST_DEBUG_TEMPROOT" in os.environ:
        return   # a worker takes its folder from the controller; a folder asked for is kept
    try:
        room = shutil.disk_usage(RAM_DISK).free if os.access(RAM_DISK, os.W_OK | os.X_OK) else 0
    except OSError:
        room = 0
    if room >= RAM_DISK_ROOM:
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(RAM_DISK)   # pytest's own setting for where its folders go


def corpus_file(relative: str) -> Path:
    path = CORPUS / relative
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (is ../shared/corpus beside the repo?)")
    return path


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A fresh workspace under tmp_path; nothing touches the user's home."""
    return init_workspace(tmp_path / "ws")


def _once_per_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
                  make: Callable[[Path], Any]) -> tuple[Path, Any]:
    """`make(folder)` run once per test run, its JSON result kept beside the folder; xdist workers
    share both through a file lock. Returns (folder, result)."""
    base = tmp_path_factory.getbasetemp()
    root = base if worker_id == "master" else base.parent  # this run's folder, shared by workers
    folder, result_file = root / name, root / f"{name}.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result_file.exists():
            result_file.write_text(json.dumps(make(folder), ensure_ascii=False), encoding="utf-8")
        fcntl.flock(lock, fcntl.LOCK_UN)
    return folder, json.loads(result_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_ws(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> tuple[Workspace, dict]:
    """The whole corpus ingested once per run (OCR has its own tests): (workspace, the batch report).

    Read-only for tests: a test that changes a workspace makes its own.
    """
    from dangan.intake.batch import ingest_paths

    home, report = _once_per_run(tmp_path_factory, worker_id, "corpus-ws",
                                 lambda home: ingest_paths(init_workspace(home), [CORPUS], ocr=False).to_dict())
    return open_workspace(home), report


@pytest.fixture(scope="session")
def format_ws(format_files: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory,
              worker_id: str) -> tuple[Workspace, dict]:
    """The folder of `format_files` ingested once per run (LibreOffice converts its old office
    files): (workspace, the batch report as JSON).

    Read-only for tests: a test that changes a workspace makes its own.
    """
    from dangan.intake.batch import ingest_paths

    folder, _ = format_files
    home, report = _once_per_run(tmp_path_factory, worker_id, "format-ws",
                                 lambda home: ingest_paths(init_workspace(home), [folder], ocr=False).to_dict())
    return open_workspace(home), report


@pytest.fixture(scope="session", autouse=True)
def ocr_memo_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """Where `ocr_memo` keeps RapidOCR's answers for this run: one folder for every xdist worker (and the
    OCR processes they spawn, which inherit the variable)."""
    from ocr_memo import FOLDER_VARIABLE

    base = tmp_path_factory.getbasetemp()
    folder = (base if worker_id == "master" else base.parent) / "ocr-memo"
    os.environ[FOLDER_VARIABLE] = str(folder)
    return folder


@pytest.fixture(scope="module")
def shared_ocr() -> Iterator[None]:
    """Workspaces opened in the module read scans with the real RapidOCR behind a memo of the pages it read
    before in this run (tests/ocr_memo.py): for modules about what the archive does with OCR's text, not about
    the engine. Module-wide (`pytestmark = pytest.mark.usefixtures("shared_ocr")`), so that it is in place
    before the module's own fixtures ingest; processes a test starts itself (`python -m dangan watch`) read
    with the plain engine."""
    import dataclasses

    from ocr_memo import ENGINE

    from dangan import workspace

    settings = workspace._settings

    def memo_settings(home: Path, data: dict[str, Any]) -> workspace.Settings:
        read = settings(home, data)
        return dataclasses.replace(read, ocr_engine=ENGINE) if read.ocr_engine == "rapidocr" else read

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workspace, "_settings", memo_settings)
        yield


@pytest.fixture
def extractor_override():
    """Register an extractor class for a test, restoring the registry afterwards."""
    from dangan.read.extract import registry

    registry.registered()   # built-ins loaded first, so the override is not replaced by them
    saved = dict(registry._REGISTRY)

    def override(cls: type) -> None:
        registry.register(cls)

    yield override
    registry._REGISTRY.clear()
    registry._REGISTRY.update(saved)


@pytest.fixture(scope="session")
def format_files(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> tuple[Path, dict[str, str]]:
    """Files of every office format made once per run from corpus documents (LibreOffice,
    python-pptx, openpyxl, zipfile with GBK names): (folder, {name: text it holds})."""
    from format_files import build

    return _once_per_run(tmp_path_factory, worker_id, "format-files", lambda folder: build(folder, CORPUS))


@pytest.fixture(scope="session")
def pg_dsn():
    """A private PostgreSQL server for this test process (started once, on first use)."""
    from pgserver import postgres_server

    with postgres_server() as dsn:
        yield dsn


# -- a real headless Chromium for the web desk's end-to-end tests ---------------------
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1366,768", "--lang=zh-CN")
IMPLICIT_WAIT = 2   # seconds a find_element waits for an element to appear
# For a test module's pytestmark: skipped only when Debian's chromium / chromium-driver are absent.
NEEDS_CHROMIUM = pytest.mark.skipif(not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
                                    reason="needs Debian's chromium and chromium-driver")


@pytest.fixture(scope="session")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser saves what a page sends as a download."""
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="session")
def chromium(downloads: Path) -> Iterator[Any]:
    """One headless Chromium (Selenium) per test process, for every end-to-end module."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extras")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="dangan-chromium-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "intl.accept_languages": "zh-CN"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.implicitly_wait(IMPLICIT_WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def absent(driver: Any, by: str, value: str) -> bool:
    """No element matches on the loaded page. Without the implicit wait, which would make
    every check that something is NOT shown wait its full length first."""
    driver.implicitly_wait(0)
    try:
        return not driver.find_elements(by, value)
    finally:
        driver.implicitly_wait(IMPLICIT_WAIT)


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Any:
    """The session's browser, signed out of whatever desk the previous module used."""
    chromium.get("about:blank")
    chromium.delete_all_cookies()
    return chromium


@pytest.fixture(scope="session")
def units() -> Any:
    """The packaged default unit list (no workspace override), as `dangan minutes` reads speeches."""
    from dangan.read.understand.units import load_units

    return load_units(None)
