"""`communique serve` and `communique demo` through the real command line."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from communique import query
from communique.store import Store
from conftest import CLI, run_cli


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def outward_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the outgoing interface
            addr = s.getsockname()[0]
    except OSError:
        return None
    return None if addr.startswith("127.") else addr


def test_serve_refuses_a_missing_store_and_a_bad_port_in_one_line(tmp_path):
    r = run_cli("serve", "--db", str(tmp_path / "none.duckdb"), "--port", str(free_port()))
    assert r.returncode == 1
    err = r.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "no such store" in err and "Traceback" not in err
    r = run_cli("serve", "--db", str(tmp_path / "none.duckdb"), "--port", "70000")
    assert r.returncode == 2 and "not a port number" in r.stderr.decode()


def test_serve_binds_loopback_by_default_and_only_reads(web_db: Path, tmp_path):
    port = free_port()
    proc = subprocess.Popen([*CLI, "serve", "--db", str(web_db), "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.2)
        assert b'"articles"' in body
        outward = outward_address()
        if outward:
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((outward, port)) != 0, "the server answered on a non-loopback address"
        # while it serves, another process can still write to the store: the server holds no lock
        before = query.stats(Store(web_db))["runs"]
        extra = tmp_path / "one.jsonl"
        extra.write_text('{"id": "serve-extra", "date": "2025-05-05", "text": "Pakistan and Belarus '
                         'signed a memorandum on tourism in Minsk on Monday."}\n')
        r = run_cli("ingest", str(extra), "--db", str(web_db), "--quiet")
        assert r.returncode == 0, r.stderr.decode()
        assert query.stats(Store(web_db))["runs"] == before + 1
        assert b"serve-extra" in urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/articles/serve-extra",
                                                        timeout=10).read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_demo_builds_its_store_once(tmp_path):
    db = tmp_path / "demo.duckdb"
    r = run_cli("demo", "--no-serve", "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    assert "39 new articles" in r.stderr.decode()
    periods = {p["period"] for p in query.dyad(Store(db), "PAK", "BLR").records()}
    assert {"2025-04", "2025-08"} <= periods
    again = run_cli("demo", "--no-serve", "--db", str(db))
    assert again.returncode == 0 and "0 new articles, 39 already stored" in again.stderr.decode()


def test_store_session_shares_one_connection(web_db: Path):
    store = Store(web_db)
    with store.session(), store.read() as a, store.read() as b:
        assert a is b
    with store.read() as c, store.read() as d:
        assert c is not d
