"""``python app.py`` as people run it: Gradio's environment variables, and a busy port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.app_support import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _app(index: Path, tmp: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    cmd = [sys.executable, str(ROOT / "app.py"), "--index", str(index), "--uploads", str(tmp / "uploads"), *args]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GRADIO_SERVER_")}
    return subprocess.Popen(
        cmd, cwd=ROOT, env={**clean, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_gradio_server_port_and_name_are_honoured(corpus_index: Path, tmp_path: Path) -> None:
    from gradio_client import Client

    port = _free_port()
    proc = _app(corpus_index, tmp_path, env={"GRADIO_SERVER_PORT": str(port), "GRADIO_SERVER_NAME": "127.0.0.1"})
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            try:
                info = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(api_name="/info")
                break
            except Exception:  # noqa: BLE001 - not up yet
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        assert info["chunks"] > 0
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_flag_overrides_the_environment() -> None:
    from qa.webapp.main import listen_address

    old = {k: os.environ.get(k) for k in ("GRADIO_SERVER_PORT", "GRADIO_SERVER_NAME")}
    os.environ.update({"GRADIO_SERVER_PORT": "8123", "GRADIO_SERVER_NAME": "127.0.0.2"})
    try:
        assert listen_address(None, None) == ("127.0.0.2", 8123)
        assert listen_address("127.0.0.1", 9000) == ("127.0.0.1", 9000)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_a_busy_port_is_one_clear_line(corpus_index: Path, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = _app(corpus_index, tmp_path, "--port", str(port))
        try:
            _, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("app.py kept running on a busy port")
    assert proc.returncode == 2
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith(("INFO", "WARNING"))]
    assert lines == [lines[0]] and "Traceback" not in err
    assert str(port) in lines[0] and "--port" in lines[0]
