"""`dangan serve`: the web desk for the office (search, documents, upload, dossiers, minutes, tasks)."""
from __future__ import annotations

from pathlib import Path

import click

from dangan.cli import render
from dangan.cli.common import workspace
from dangan.errors import PasswordRequired
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
        raise PasswordRequired(f"无法读取密码文件 {password_file}（{type(exc).__name__}）",
                               hint="密码文件应为 UTF-8 文本，首行为密码。") from exc
    bound = () if host in ("0.0.0.0", "::") else (host,)
    server = make_server(host, port, create_app(ws, password_hash, bound, https=https), threaded=True)
    shown = f"[{host}]" if ":" in host else host
    render.out.print(f"网页工作台已启动：http://{shown}:{server.server_port}/　（Ctrl+C 停止）")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        render.out.print("已停止。")
    finally:
        server.server_close()


def _has_accounts(ws: Workspace) -> bool:
    from dangan.archive.accounts import has_users
    from dangan.archive.catalog import Catalog

    with Catalog(ws.catalog_path) as catalog:
        return has_users(catalog)


COMMANDS = [serve]
