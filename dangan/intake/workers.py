"""Extraction in worker processes, each held to a wall-clock and a memory limit.

Parsers are the code most exposed to hostile files: a 1 MB PDF can keep a
parser busy for minutes, a 100 KB DOCX can unpack into gigabytes. So every
extractor runs here, in a child process with its address space capped
(`RLIMIT_AS`), watched by the parent: past its time the child is killed, past
its memory it dies or raises MemoryError. The file then fails with 超时 or 过大
(quarantined, never retried automatically), the worker is replaced, and the
batch goes on; the writer never waits on a parser for longer than the limit.

Workers are forked from a fork server that has imported the extractors once
(milliseconds per new worker, and no fork of a threaded parent) and each
serves many files. One pool per process, shared by `ingest`'s read-ahead, the
watcher and the web desk; `cancelled` lets a stop request (SIGTERM to the
watcher) interrupt the wait at once instead of after the file.
"""
from __future__ import annotations

import atexit
import ctypes
import logging
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from dangan.errors import DanganError, ExtractionFailed, ExtractionMemory, ExtractionTimeout
from dangan.model import Extracted, Incoming
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import library_reason, technical

log = logging.getLogger(__name__)

POLL = 0.2        # seconds between looks at `cancelled` while waiting
STARTUP = 60.0    # seconds a new worker may take to import the extractors (a loaded machine)
READY = "ready"
PRELOAD = ("dangan.intake.workers", "dangan.intake.inspect", "dangan.read.extract.registry", "dangan.read.extract.pdf", "dangan.read.extract.docx",
           "dangan.read.extract.text", "dangan.read.extract.image", "pypdfium2",
           "docx", "PIL.Image")


class Cancelled(BaseException):
    """A stop was asked while a file was being read: not the file's fault, nothing is quarantined."""


@dataclass(eq=False)
class Ticket:
    """One call waiting for, or holding, its outcome."""

    fn: Callable[..., Any]
    args: tuple[Any, ...]
    done: bool = False
    ok: bool = False
    value: Any = None
    deadline: float = 0.0


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    ticket: Ticket | None = None
    ready: bool = False   # the clock of its first call starts when the worker says it is up


class WorkerPool:
    """Up to `size` limited workers; calls run in submission order as workers free up."""

    def __init__(self, size: int, limits: Limits = Limits()):
        self.size, self.limits = max(1, size), limits
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._queue: deque[Ticket] = deque()
        self._lock = threading.RLock()   # the web desk may ingest from several threads

    # -- calls -----------------------------------------------------------
    def submit(self, fn: Callable[..., Any], *args: Any) -> Ticket:
        """Queue `fn(*args)` (a module-level function) for a worker; returns at once."""
        ticket = Ticket(fn, args)
        with self._lock:
            self._queue.append(ticket)
            self._dispatch()
        return ticket

    def result(self, ticket: Ticket, cancelled: Callable[[], bool] | None = None) -> Any:
        """The call's value; raises its error, ExtractionTimeout/ExtractionMemory, or Cancelled."""
        while True:
            with self._lock:
                if ticket.done:
                    break
                if cancelled is not None and cancelled():
                    self.close()
                    raise Cancelled()
                self._pump()
        if ticket.ok:
            return ticket.value
        raise ticket.value

    def run(self, fn: Callable[..., Any], *args: Any,
            cancelled: Callable[[], bool] | None = None) -> Any:
        return self.result(self.submit(fn, *args), cancelled)

    def ordered(self, fn: Callable[..., Any], items: Iterable[Any],
                ahead: int | None = None) -> Iterator[tuple[Any, Ticket]]:
        """(item, ticket) in the items' order, keeping `ahead` calls queued or running."""
        window: deque[tuple[Any, Ticket]] = deque()
        ahead = ahead or 3 * self.size
        for item in items:
            window.append((item, self.submit(fn, item)))
            if len(window) >= ahead:
                yield window.popleft()
        while window:
            yield window.popleft()

    def cancel(self, ticket: Ticket) -> None:
        """Drop a call no longer wanted: taken off the queue, or its worker stopped."""
        with self._lock:
            if ticket.done:
                return
            if ticket in self._queue:
                self._queue.remove(ticket)
                _settle(ticket, False, Cancelled())
                return
            for worker in self._workers:
                if worker.ticket is ticket:
                    worker.process.kill()
                    self._lost(worker, Cancelled())
                    return

    def close(self) -> None:
        """Stop every worker (a busy one is killed); queued calls end as Cancelled."""
        with self._lock:
            for worker in self._workers:
                if worker.ticket is None:
                    _send_quietly(worker.conn, None)
                else:
                    worker.process.kill()
            for worker in self._workers:
                worker.process.join(timeout=2)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
                worker.conn.close()
                if worker.ticket is not None:
                    _settle(worker.ticket, False, Cancelled())
            self._workers = []
            while self._queue:
                _settle(self._queue.popleft(), False, Cancelled())

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- machinery -------------------------------------------------------
    def _dispatch(self) -> None:
        while self._queue:
            worker = next((w for w in self._workers if w.ticket is None), None)
            if worker is None:
                if len(self._workers) >= self.size:
                    return
                worker = self._spawn()
            ticket = self._queue.popleft()
            ticket.deadline = time.monotonic() + (self.limits.seconds if worker.ready else STARTUP)
            worker.ticket = ticket
            try:
                worker.conn.send((ticket.fn, ticket.args))
            except (OSError, ValueError):   # the worker died while idle
                self._lost(worker, ExtractionFailed(detail="解析进程意外退出"))

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=serve, args=(child, self.limits), daemon=True,
                                    name="dangan-extract")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _pump(self) -> None:
        """Wait (at most POLL) for a worker to answer, die or overrun, and settle it."""
        busy = [w for w in self._workers if w.ticket is not None]
        if not busy:
            self._dispatch()
            return
        soonest = min(w.ticket.deadline for w in busy if w.ticket)
        timeout = max(0.0, min(soonest - time.monotonic(), POLL))
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        for worker in busy:
            ticket = worker.ticket
            assert ticket is not None
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self._lost(worker, self._death(worker))
                    continue
                if message == READY:
                    worker.ready = True
                    ticket.deadline = time.monotonic() + self.limits.seconds
                    continue
                ok, value = message
                _settle(ticket, ok, value)
                worker.ticket = None
                if isinstance(value, ExtractionMemory):   # the worker exits after a MemoryError
                    self._retire(worker)
            elif worker.process.sentinel in ready:
                self._lost(worker, self._death(worker))
            elif time.monotonic() >= ticket.deadline:
                worker.process.kill()
                self._lost(worker, ExtractionTimeout(seconds=f"{self.limits.seconds:g}") if worker.ready
                           else ExtractionFailed(detail="解析进程未能启动"))
        self._dispatch()

    def _death(self, worker: _Worker) -> DanganError:
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        # under RLIMIT_AS a C library whose allocation fails aborts (pdfium: SIGABRT);
        # a SIGKILL we did not send is the kernel's OOM killer
        if code in (-signal.SIGABRT, -signal.SIGKILL):
            return ExtractionMemory(mb=self.limits.memory_bytes // 2**20)
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            return ExtractionFailed(detail=f"解析进程异常退出（信号 {name}），疑似恶意或损坏文件")
        return ExtractionFailed(detail=f"解析进程异常退出（退出码 {code}）")

    def _lost(self, worker: _Worker, error: BaseException) -> None:
        if worker.ticket is not None:
            _settle(worker.ticket, False, error)
            worker.ticket = None
        self._retire(worker)

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self._workers.remove(worker)


def _settle(ticket: Ticket, ok: bool, value: Any) -> None:
    ticket.done, ticket.ok, ticket.value = True, ok, value


def _send_quietly(conn: Connection, message: Any) -> None:
    try:
        conn.send(message)
    except (OSError, ValueError):
        pass


# -- one pool per process ----------------------------------------------------
_pools: dict[Limits, WorkerPool] = {}
_pools_lock = threading.Lock()


def shared_pool(limits: Limits, size: int | None = None) -> WorkerPool:
    """The process's pool for these limits (workers stay up between batches and files)."""
    with _pools_lock:
        pool = _pools.get(limits)
        if pool is None:
            pool = _pools[limits] = WorkerPool(size or cores(), limits)
        return pool


def close_pools() -> None:
    with _pools_lock:
        for pool in _pools.values():
            pool.close()
        _pools.clear()


atexit.register(close_pools)


def warm_up() -> None:
    """Start the fork server now: it imports the extractors while the caller opens its catalog."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()   # returns at once; the server preloads in the background


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


# -- extraction, the parent's side ---------------------------------------------
Extractors = dict[str, type]   # mime → extractor class: the parent's registry, test doubles included


def extract(incoming: Incoming, limits: Limits, cancelled: Callable[[], bool] | None = None
            ) -> Extracted:
    """Extract one file in a limited worker; raises the extractor's error, 超时 or 过大."""
    from dangan.read.extract.registry import registered

    return shared_pool(limits).run(read_file, incoming, limits, registered(), cancelled=cancelled)


# -- calls that run in a worker -----------------------------------------------
def read_file(incoming: Incoming, limits: Limits, extractors: Extractors) -> Extracted:
    """The extractor for the file's type, from the parent's registry."""
    from dangan.read.extract.registry import extractor_for

    cls = extractors.get(incoming.mime)
    extractor = cls() if cls is not None else extractor_for(incoming.mime)   # unknown: raises
    return extractor.extract(incoming.path, limits)


def inspect_and_read(path: Any, limits: Limits, extractors: Extractors) -> tuple[Incoming, Extracted]:
    """Hash, type and extract one file: a batch's read-ahead."""
    from dangan.intake.inspect import inspect

    incoming = inspect(path, limits)
    return incoming, read_file(incoming, limits, extractors)


# -- the worker side ---------------------------------------------------------
def serve(conn: Connection, limits: Limits) -> None:
    """A worker's loop: calls in, (ok, value) out, until told to stop or the parent goes."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if limits.memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    conn.send(READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args = message
        _cpu_budget(limits.seconds)
        try:
            reply: tuple[bool, Any] = (True, fn(*args))
        except MemoryError:
            reply = (False, ExtractionMemory(mb=limits.memory_bytes // 2**20))
        except DanganError as error:
            reply = (False, error)
        except Exception as exc:  # a library's own error class may not unpickle in the parent
            reply = (False, ExtractionFailed(detail=library_reason(exc), technical=technical(exc)))
        try:
            conn.send(reply)
        except Exception as exc:  # pragma: no cover - an unpicklable value
            conn.send((False, ExtractionFailed(detail=library_reason(exc), technical=technical(exc))))
        if isinstance(reply[1], ExtractionMemory):
            return   # the heap may be in any state after a MemoryError


def _cpu_budget(seconds: float) -> None:
    """A backstop for a worker whose parent died: the kernel stops a call that runs far too long."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    spent = usage.ru_utime + usage.ru_stime
    resource.setrlimit(resource.RLIMIT_CPU, (int(spent + 2 * seconds + 10), resource.RLIM_INFINITY))


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when its parent (the fork server) exits."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _context() -> Any:
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", *PRELOAD])
    return context
