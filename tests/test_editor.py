"""The editor set-up as a user gets it: yaml-language-server over LSP, pointed at the schema by the
first line that `styraudit init` writes, flags a misspelt key, a bad enum value and an impossible
date each on its line, and completes keys with their Swedish descriptions.

yaml-language-server comes from npm, pinned in .ci/run, into .ci/lsp/ (not installed globally);
without node, or without that install, the test is skipped and says why.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from clirunner import ROOT, run_cli

SERVER = ROOT / ".ci" / "lsp" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (yaml-language-server needs it)"),
    pytest.mark.skipif(not SERVER.is_file(), reason="yaml-language-server is not installed: run the npm line of .ci/run"),
]


class Client:
    """A minimal LSP client over the server's stdin and stdout: requests, notifications, answers to the server."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        settings = {"yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}}
        self.settings = settings
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": _capabilities()})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int(next(h for h in header.decode().split("\r\n") if h.lower().startswith("content-length")).split(":")[1])
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)["result"]

    def wait(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        """The next message `wanted` accepts; the server's own requests are answered meanwhile."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=1)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:  # a request from the server
                result = (
                    [self.settings["yaml"]] * len(message["params"].get("items", []))
                    if message["method"] == "workspace/configuration"
                    else None
                )
                self._send({"id": message["id"], "result": result})
            if wanted(message):
                return message
        raise AssertionError("yaml-language-server did not answer in time")

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def _capabilities() -> dict[str, Any]:
    completion = {"completionItem": {"documentationFormat": ["plaintext", "markdown"], "snippetSupport": False}}
    return {
        "textDocument": {"publishDiagnostics": {}, "completion": completion, "synchronization": {"didSave": True}},
        "workspace": {"configuration": True, "workspaceFolders": True},
    }


def _line_of(text: str, fragment: str) -> int:
    """0-based, as LSP counts."""
    return next(i for i, line in enumerate(text.splitlines()) if fragment in line)


def test_yaml_language_server_flags_the_errors_on_their_lines_and_completes_in_swedish(tmp_path: Path) -> None:
    case = tmp_path / "ärende.yaml"
    assert run_cli("init", str(case)).returncode == 0  # the case and case.schema.json beside it
    first = case.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=case.schema.json"
    base = (ROOT / "templates" / "testing" / "base_case.yaml").read_text(encoding="utf-8")
    broken = (
        base.replace("as_of: 2023-10-23", "as_of: 2023-13-45")
        .replace("{id: RS, name: Regionstyrelsen, kind: board}", "{id: RS, name: Regionstyrelsen, kind: bord}")
        .replace("title: Testfall\n", "title: Testfall\ntittle: Testfall\n")
    )
    text = first + "\n" + broken + "\n"
    client = Client(tmp_path)
    try:
        uri = case.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        published = client.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and len(m["params"]["diagnostics"]) >= 3
            )
        )
        flagged = {d["range"]["start"]["line"]: d["message"] for d in published["params"]["diagnostics"]}
        for fragment in ("tittle: Testfall", "kind: bord", "as_of: 2023-13-45"):
            assert _line_of(text, fragment) in flagged, (fragment, flagged)
        assert "tittle" in flagged[_line_of(text, "tittle: Testfall")]

        at_end = {"line": len(text.splitlines()), "character": 0}
        items = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at_end})
        items = items["items"] if isinstance(items, dict) else items
        docs = {item["label"]: item.get("documentation") for item in items}
        absences = docs.get("absences")
        shown = absences["value"] if isinstance(absences, dict) else absences
        assert shown and "Sådant som granskningen letade efter men inte fann" in shown, sorted(docs)
    finally:
        client.close()
