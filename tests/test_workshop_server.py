"""A workshop server holds against its room: a real `innerwork serve` on 127.0.0.1, raw HTTP and websocket clients."""

import re
import sys
import time
import uuid
from pathlib import Path

import pytest
from tornado.httpclient import HTTPClientError
from workshop_server import Client, WorkshopServer, kernel_message

import innerwork

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="counts kernel processes in /proc")

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SERVER_PATHS = {sys.prefix, str(Path(innerwork.__file__).resolve().parent.parent), "site-packages"}


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """A room of one kernel kept ready, pages that never connect lose their kernel after 5 s."""
    server = WorkshopServer(
        tmp_path_factory.mktemp("room") / "home",
        "--workshop",
        "--room",
        "1",
        "--max-participants",
        "10",
        "--voila-arg=--RoomGuard.connect_timeout=5",
    )
    yield server
    server.stop()


def refused(client, path):
    try:
        client.socket(path, listen=0.5)
    except HTTPClientError as error:
        return error.code
    return None


def test_a_kernel_answers_only_the_browser_whose_page_took_it(room):
    owner, other, stranger = Client(room, "127.0.0.2"), Client(room, "127.0.0.3"), Client(room, "127.0.0.3")
    page, kernel_id = owner.open_page()
    assert page.code == 200 and kernel_id
    cookie = [c for c in page.headers.get_list("Set-Cookie") if c.startswith("innerwork-browser=")][0]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    owner.socket(f"/api/kernels/{kernel_id}/channels?session_id=x", listen=0.5)  # the page connects
    other.open_page()  # another browser, with a page (and a kernel) of its own
    for client in (other, stranger):
        assert client.fetch(f"/api/kernels/{kernel_id}").code == 403
        assert refused(client, f"/api/kernels/{kernel_id}/channels?session_id=x") == 403
        assert refused(client, f"/voila/query/{kernel_id}") == 403
        forged = client.fetch(
            f"/voila/api/shutdown/{kernel_id}",
            method="POST",
            body="",
            headers={"Cookie": "_xsrf=forged", "X-XSRFToken": "forged"},
            keep_cookies=False,
        )
        assert forged.code == 403
        assert client.fetch(f"/api/kernels/{kernel_id}", method="DELETE").code == 403
    assert owner.fetch(f"/api/kernels/{kernel_id}").code == 200  # still running, still the owner's
    replies = owner.socket(
        f"/api/kernels/{kernel_id}/channels?session_id=x", [kernel_message("kernel_info_request", {})]
    )
    assert any('"kernel_info_reply"' in reply for reply in replies)


def test_kernel_ids_stay_out_of_the_log(room):
    owner = Client(room, "127.0.0.4")
    _, kernel_id = owner.open_page()
    owner.socket(f"/api/kernels/{kernel_id}/channels?session_id=x", [kernel_message("kernel_info_request", {})])
    log = room.wait_for_log("Kernel started:", 2)
    assert "Kernel started:" in log
    assert kernel_id not in log and kernel_id[:8] not in log
    assert not UUID.search(log), UUID.search(log)


ODD_MESSAGES = [
    kernel_message("comm_open", {"comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget.control", "data": {}}),
    kernel_message(
        "comm_open",
        {"comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget.control", "data": {}},
        {"version": "0.1"},
    ),
    kernel_message(
        "comm_open",
        {
            "comm_id": uuid.uuid4().hex,
            "target_name": "jupyter.widget",
            "data": {"state": {"_model_name": "NoSuchModel", "_model_module": "x"}},
        },
    ),
    kernel_message("comm_open", {"comm_id": uuid.uuid4().hex, "target_name": "no.such.target", "data": None}),
    kernel_message("comm_msg", {"comm_id": "no-such-comm", "data": {"method": "update", "state": {"value": 1}}}),
    kernel_message("comm_info_request", {"target_name": 5}),
    kernel_message("execute_request", {"code": "1/0", "silent": False}),
    kernel_message("shutdown_request", {"restart": "maybe"}, channel="nowhere"),
    "not json at all",
    '{"header": 5}',
    '{"channel": "shell"}',
    "[]",
    "{}",
]


def test_no_traceback_or_server_path_reaches_a_page_whatever_it_sends(room):
    client = Client(room, "127.0.0.5")
    _, kernel_id = client.open_page()
    received = []
    for message in ODD_MESSAGES:
        received += client.socket(f"/api/kernels/{kernel_id}/channels?session_id=x", [message], listen=2)
    # the page's own widgets still answer afterwards
    received += client.socket(
        f"/api/kernels/{kernel_id}/channels?session_id=x",
        [kernel_message("comm_info_request", {"target_name": "jupyter.widget"})],
    )
    assert any('"comm_info_reply"' in message for message in received)
    for message in received:
        assert "Traceback" not in message and 'File "' not in message, message[:2000]
        for path in SERVER_PATHS:
            assert path not in message, message[:2000]


def assert_safe_headers(response, https=False):
    headers = response.headers
    assert "frame-ancestors 'none'" in headers.get("Content-Security-Policy", ""), (response.code, headers)
    assert headers.get("X-Frame-Options") == "DENY"
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert "/" not in headers.get("Server", ""), headers.get("Server")
    for cookie in headers.get_list("Set-Cookie"):
        assert "samesite=" in cookie.lower(), cookie
        assert ("; secure" in cookie.lower()) == https, cookie


def test_every_response_carries_the_security_headers(room):
    client = Client(room, "127.0.0.6")
    page = client.fetch("/")
    assert page.code == 200 and page.headers.get_list("Set-Cookie")
    assert_safe_headers(page)
    assert_safe_headers(Client(room, "127.0.0.6").fetch("/", headers={"X-Forwarded-Proto": "https"}), https=True)
    static = client.fetch("/voila/static/voila.js")
    assert static.code == 200
    assert_safe_headers(static)
    missing = client.fetch("/voila/labextensions/no-such-file.js")
    assert missing.code == 404
    assert_safe_headers(missing)
    errors = [
        ("/voila/templates/no-such-file", "GET"),  # 500: Voila cannot parse the path
        ("/api/kernels/" + str(uuid.uuid4()), "GET"),
        ("/", "PUT"),
        ("/voila/static/no-such-file.js", "GET"),
    ]
    for path, method in errors:
        error = client.fetch(path, method=method, body="" if method == "PUT" else None)
        assert error.code >= 400, (path, error.code)
        assert_safe_headers(error)
        assert b"Traceback" not in (error.body or b"")


def test_template_and_theme_overrides_start_no_kernel_outside_the_pool(room):
    before = room.log().count("Using pre-heated kernel")
    for query in ("?template=lab", "?theme=dark", "?template=reveal&theme=light"):
        page = Client(room, "127.0.0.7").fetch("/" + query)
        assert page.code == 200 and b"application/vnd.jupyter.widget-view+json" in page.body
    assert room.log().count("Using pre-heated kernel") == before + 3  # each took a kernel from the pool


def test_a_page_that_never_connects_loses_its_kernel(room):
    client = Client(room, "127.0.0.8")
    _, kernel_id = client.open_page()
    assert client.fetch(f"/api/kernels/{kernel_id}").code == 200
    ended = room.log().count("did not connect to its kernel")
    deadline = time.monotonic() + 30
    while client.fetch(f"/api/kernels/{kernel_id}").code == 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert client.fetch(f"/api/kernels/{kernel_id}").code != 200
    assert room.log().count("did not connect to its kernel") > ended


@pytest.fixture
def small_room(tmp_path):
    server = WorkshopServer(
        tmp_path / "home",
        "--workshop",
        "--room",
        "1",
        "--max-participants",
        "2",
        "--voila-arg=--RoomGuard.page_burst=3",
        "--voila-arg=--RoomGuard.pages_per_minute=1",
    )
    yield server
    server.stop()


def test_a_full_room_says_so_kindly_and_starts_no_kernel(small_room):
    pages = [Client(small_room, f"127.0.0.{10 + n}").open_page() for n in range(2)]
    assert [page.code for page, _ in pages] == [200, 200]
    small_room.wait_for_log("Kernel started:", 2)
    time.sleep(2)
    kernels = small_room.kernels()
    assert kernels == 2
    for n in range(3):
        full, kernel_id = Client(small_room, f"127.0.0.{20 + n}").open_page()
        assert full.code == 503 and kernel_id is None
        text = full.body.decode()
        assert "The room is full" in text and "ask the facilitator" in text
        assert "Traceback" not in text and sys.prefix not in text
    time.sleep(2)
    assert small_room.kernels() == 2


def test_a_crowd_beyond_the_cap_is_told_at_once_not_after_the_kernels_before_it_start(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    server = WorkshopServer(tmp_path / "home", "--workshop", "--room", "1", "--max-participants", "3")
    try:
        server.wait_for_log("Kernel started:", 1)
        started = time.monotonic()

        def arrive(n):
            page, _ = Client(server, f"127.0.0.{50 + n}").open_page()
            return page.code, time.monotonic() - started

        with ThreadPoolExecutor(6) as crowd:
            answers = list(crowd.map(arrive, range(6)))
        codes = sorted(code for code, _ in answers)
        assert codes == [200, 200, 200, 503, 503, 503]
        let_in = sorted(t for code, t in answers if code == 200)
        told = max(t for code, t in answers if code == 503)
        # nobody turned away waits for the others' kernels to start: all are told before a new kernel is ready
        assert told < let_in[1], answers
    finally:
        server.stop()


def test_one_address_opening_pages_fast_is_asked_to_wait(small_room):
    client = Client(small_room, "127.0.0.30")
    codes = [client.fetch("/").code for _ in range(5)]
    assert codes[:3] != [429] * 3 and codes[3:] == [429, 429]
    pause = client.fetch("/")
    assert "Wait a few seconds" in pause.body.decode() and pause.headers.get("Retry-After")
    assert Client(small_room, "127.0.0.31").fetch("/").code != 429  # another device is not held back


def test_a_room_behind_one_address_gets_in_up_to_the_cap_with_shared_address(tmp_path):
    server = WorkshopServer(
        tmp_path / "home", "--workshop", "--room", "1", "--max-participants", "4", "--shared-address"
    )
    try:
        venue = Client(server, "127.0.0.40")  # everyone's traffic comes from the venue's router
        codes = [Client(server, "127.0.0.40").open_page()[0].code for _ in range(4)]
        assert codes == [200] * 4
        assert venue.fetch("/").code == 503  # the cap still holds: the room is full, not "wait"
    finally:
        server.stop()


def test_personal_mode_ends_a_closed_pages_kernel_so_reloads_never_fill_the_cap(tmp_path):
    """A reload leaves the old page's kernel behind (Voila's goodbye can be refused); it ends soon after."""
    server = WorkshopServer(
        tmp_path / "home", "--room", "1", "--max-participants", "3", "--voila-arg=--RoomGuard.disconnected_timeout=2"
    )
    try:
        client = Client(server, "127.0.0.9")
        for _ in range(5):  # more reloads than the cap holds
            page, kernel_id = client.open_page()
            assert page.code == 200 and kernel_id, page.body[:300]
            client.socket(f"/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}", listen=0.5)
            deadline = time.monotonic() + 30
            while client.fetch(f"/api/kernels/{kernel_id}").code == 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            assert client.fetch(f"/api/kernels/{kernel_id}").code != 200
        assert "A page closed 2.0 s ago; shutting its kernel down." in server.log()
    finally:
        server.stop()


def test_innerwork_serve_ends_closed_pages_kernels_only_where_answers_are_saved():
    from innerwork.serving.serve import voila_command

    assert "--RoomGuard.disconnected_timeout=120" in voila_command(8866, "127.0.0.1", False, 1)
    assert not any("disconnected_timeout" in arg for arg in voila_command(8866, "127.0.0.1", True, 30))
