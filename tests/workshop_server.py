"""A real `innerwork serve` on 127.0.0.1 for tests, and raw HTTP/websocket clients to talk to it.

Each client can come from its own loopback address (127.0.0.N), as participants on their own devices do.
"""

import asyncio
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from ports import free_port
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect


class WorkshopServer:
    def __init__(self, home: Path, *options):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = home.parent / f"serve-{self.port}.log"
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "innerwork", "serve", "--no-browser", "--port", str(self.port), *options],
                env={**os.environ, "INNERWORK_HOME": str(home), "PYTHONUNBUFFERED": "1"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:  # a static file: answering it starts no kernel
                urllib.request.urlopen(f"{self.base}/voila/static/voila.js", timeout=5).close()
                return
            except OSError:
                assert self.process.poll() is None, self.log()
                time.sleep(0.3)
        raise AssertionError("innerwork serve did not answer:\n" + self.log())

    def log(self) -> str:
        return self.log_path.read_text()

    def kernels(self) -> int:
        """Kernel processes running under this server, read from /proc."""
        children = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
                cmdline = (stat.parent / "cmdline").read_bytes()
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append((int(stat.parent.name), b"ipykernel" in cmdline))
        count, todo = 0, [self.process.pid]
        while todo:
            for pid, is_kernel in children.get(todo.pop(), []):
                count += is_kernel
                todo.append(pid)
        return count

    def wait_for_log(self, text: str, count: int = 1, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while self.log().count(text) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        return self.log()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Client:
    """One device in the room: its own address, its own cookies, like a browser without JavaScript."""

    def __init__(self, server: WorkshopServer, address: str = "127.0.0.1"):
        self.server, self.address, self.cookies = server, address, {}

    def cookie_header(self) -> dict:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def fetch(self, path: str, method: str = "GET", headers=None, body=None, keep_cookies=True):
        async def go():
            return await AsyncHTTPClient().fetch(
                HTTPRequest(
                    self.server.base + path,
                    method=method,
                    headers={**self.cookie_header(), **(headers or {})},
                    body=body,
                    network_interface=self.address,
                    follow_redirects=False,
                    request_timeout=120,
                ),
                raise_error=False,
            )

        response = asyncio.run(go())
        if keep_cookies:
            for cookie in response.headers.get_list("Set-Cookie"):
                name, value = cookie.split(";")[0].split("=", 1)
                self.cookies[name] = value
        return response

    def open_page(self):
        """Fetch the page; returns (response, kernel id or None)."""
        page = self.fetch("/")
        found = re.search(rb'kernelId": "([0-9a-f-]{36})"', page.body or b"")
        return page, found.group(1).decode() if found else None

    def socket(self, path: str, messages=(), listen: float = 3.0):
        """Open a websocket at ``path``, send ``messages``, and return what came back within ``listen`` s.

        Raises tornado's HTTPClientError if the server refuses the websocket.
        """

        async def go():
            url = self.server.base.replace("http", "ws", 1) + path
            ws = await websocket_connect(HTTPRequest(url, headers=self.cookie_header(), network_interface=self.address))
            received = []
            for message in messages:
                await ws.write_message(message)
            deadline = time.monotonic() + listen
            while time.monotonic() < deadline:
                try:
                    message = await asyncio.wait_for(ws.read_message(), deadline - time.monotonic())
                except asyncio.TimeoutError:
                    break
                if message is None:
                    break
                received.append(message if isinstance(message, str) else message.decode("utf-8", "replace"))
            ws.close()
            return received

        return asyncio.run(go())


def kernel_message(msg_type: str, content: dict, metadata: dict | None = None, channel: str = "shell") -> str:
    """A message to a kernel in the websocket's JSON form."""
    return json.dumps(
        {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "msg_type": msg_type,
                "username": "",
                "session": "t",
                "date": "",
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
            "channel": channel,
            "buffers": [],
        }
    )
