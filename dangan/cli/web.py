"""`dangan serve`: the web desk for the office (search, documents, upload, dossiers, minutes, tasks)."""
from __future__ import annotations

from pathlib import Path

import click

from dangan.cli import render
from dangan.cli.common import workspace
from dangan.errors import PasswordRequired
from dangan.read.extract.failures import library_reason
from dangan.workspace import Workspace

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；非本机地址须设密码。")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="端口。")
@click.option("--password-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="密码文件：首行为登录密码（或其 werkzeug 散列），即账号 admin 的密码。")
@click.option("--https", is_flag=True,
              help="经 HTTPS 反向代理提供服务：Cookie 加 Secure 标记（__Host- 前缀）。")
@workspace
def serve(ws: Workspace, host: str, port: int, password_file: Path | None, https: bool) -> None:
    """启动网页工作台：检索、阅读、上传、迎检资料、会议纪要与督办台账。

    \b
    例：
      dangan serve
      dangan serve --host 0.0.0.0 --port 8080 --password-file ~/.dangan-password
    """
    from werkzeug.serving import make_server

    from dangan.web.app import create_app
    from dangan.web.security import read_password_file

    if host not in LOCAL_HOSTS and password_file is None and not _has_accounts(ws):
        raise PasswordRequired(host=host)
    try:
        password_hash = read_password_file(password_file) if password_file else None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PasswordRequired(f"无法读取密码文件 {password_file}：{library_reason(exc, '内容不是有效的密码文件')}",
                               hint="密码文件应为 UTF-8 文本，首行为密码。") from exc
    _check_port(host, port)   # werkzeug would print its own English words and exit 1
    bound = () if host in ("0.0.0.0", "::") else (host,)
    server = make_server(host, port, create_app(ws, password_hash, bound, https=https), threaded=True)
    if host in ("0.0.0.0", "::"):   # no browser opens http://0.0.0.0/: the addresses to type instead
        render.out.print(f"网页工作台已启动：本机 http://127.0.0.1:{server.server_port}/　（Ctrl+C 停止）")
        for address in _addresses():
            render.out.print(f"同一网络的其他电脑：http://{address}:{server.server_port}/")
    else:
        shown = f"[{host}]" if ":" in host else host
        render.out.print(f"网页工作台已启动：http://{shown}:{server.server_port}/　（Ctrl+C 停止）")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        render.out.print("已停止。")
    finally:
        server.server_close()


def _addresses() -> list[str]:
    """This machine's IPv4 addresses other computers can reach (loopback left out): the one its
    default route leaves by (a UDP socket sends nothing to learn it) and those its name resolves to."""
    import socket

    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        pass
    return [a for a in dict.fromkeys(found) if not a.startswith("127.") and a != "0.0.0.0"]


def _check_port(host: str, port: int) -> None:
    import errno
    import socket

    from dangan.errors import ServeUnavailable

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as the server binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeUnavailable(port=port, host=host) from exc
            if exc.errno == errno.EACCES:
                raise ServeUnavailable(f"端口 {port} 须以管理员身份使用，网页工作台未启动",
                                       hint="用 1024 以上的端口，如 --port 8765。") from exc
            why = "本机没有这个地址" if exc.errno == errno.EADDRNOTAVAIL else (exc.strerror or str(exc))
            raise ServeUnavailable(f"无法在 {host} 上提供服务（{why}），网页工作台未启动",
                                   hint="--host 应为本机的地址（ip addr 可查）；0.0.0.0 表示本机所有地址。") from exc


def _has_accounts(ws: Workspace) -> bool:
    from dangan.archive.accounts import has_users
    from dangan.archive.catalog import Catalog

    with Catalog(ws.catalog_path) as catalog:
        return has_users(catalog)


COMMANDS = [serve]
