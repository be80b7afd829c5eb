"""Headless Chromium for tests, driven over the DevTools protocol on a pipe.

``--remote-debugging-pipe`` makes Chromium read protocol commands from file
descriptor 3 and write replies and events to descriptor 4, each message JSON
ended by a NUL byte: no port to pick, no websocket library, nothing on the
network. Console messages, uncaught exceptions and browser log entries
(Content-Security-Policy violations, failed loads) are collected per page.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
#: Without the networking and update flags, Chromium on a closed network keeps retrying and logging.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)
DEFAULT_TIMEOUT = 30.0
DEFAULT_VIEWPORT = (1280, 900)


class BrowserError(RuntimeError):
    """Chromium exited, timed out or answered a command with an error."""


def find_chromium() -> tuple[Path | None, str]:
    """Chromium's path, or None with the reason the browser tests skip.

    The tests never install anything: .ci/run installs Debian's chromium
    (and a Thai font) with apt-get before the suite runs.
    """
    for candidate in (os.environ.get("CHROMIUM_PATH"), str(CHROMIUM), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return Path(candidate), ""
    return None, f"no Chromium at {CHROMIUM} (or $CHROMIUM_PATH): install Debian's chromium as .ci/run does to run the browser test"


def _move_above(fd: int, lowest: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, lowest)
    os.close(fd)
    return moved


class Chromium:
    """One headless Chromium process; :meth:`open` gives a :class:`Page`."""

    def __init__(self, executable: Path, user_data_dir: Path):
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()
        # Move the child's ends above 9 so that neither is already 3 or 4 when the shell remaps them.
        commands_read, replies_write = (_move_above(fd, 10) for fd in (commands_read, replies_write))
        # bash (dash takes only one-digit descriptors) puts the two pipe ends on descriptors 3 and 4, where Chromium expects them.
        remap = f'exec "$0" "$@" 3<&{commands_read} 4>&{replies_write} {commands_read}<&- {replies_write}>&-'
        self.log_path = user_data_dir / "chromium.log"
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", remap, str(executable), *FLAGS, f"--user-data-dir={user_data_dir}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(commands_read, replies_write),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        os.close(commands_read)
        os.close(replies_write)
        self._messages: queue.Queue = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._next_id = 0
        self.events: list[dict] = []
        self.version = self.send("Browser.getVersion")["product"]

    def _read(self) -> None:
        buffer = b""
        while chunk := os.read(self._replies, 1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for message in messages:
                self._messages.put(json.loads(message))
        self._messages.put(None)  # Chromium closed its end

    def _receive(self, deadline: float) -> dict:
        try:
            message = self._messages.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise BrowserError("Chromium did not answer in time; log: " + self.log_tail()) from None
        if message is None:
            raise BrowserError("Chromium exited; log: " + self.log_tail())
        return message

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> dict:
        """Send one protocol command and return its result; events that arrive meanwhile are kept in ``events``."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = DEFAULT_TIMEOUT) -> dict:
        """The first event ``method`` of ``session`` not yet seen."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            seen = len(self.events)
            self.events.append(self._receive(deadline))

    def open(self, url: str, viewport: tuple[int, int] = DEFAULT_VIEWPORT) -> Page:
        """A new tab showing ``url``, loaded, with its console recorded from the start."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=session)
        width, height = viewport
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        self.send("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)
        return Page(self, session, target)

    def log_tail(self, lines: int = 15) -> str:
        self._log.flush()
        return " | ".join(self.log_path.read_text(errors="replace").strip().splitlines()[-lines:])

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except BrowserError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        self._log.close()


class Page:
    """One tab: evaluate JavaScript, read its console errors, take a screenshot."""

    def __init__(self, browser: Chromium, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target

    def evaluate(self, expression: str):
        """The JSON value of a JavaScript expression in the page."""
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, self.session)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:60]}...: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def console_errors(self, settle: float = 0.3) -> list[str]:
        """Console errors, uncaught exceptions and error log entries of this page so far."""
        time.sleep(settle)
        self.evaluate("1")  # a round trip, so that events sent before it have arrived
        errors = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append("console." + params["type"] + ": " + " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                errors.append("exception: " + str(details.get("exception", {}).get("description") or details.get("text")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                errors.append(f"log ({entry.get('source')}): {entry.get('text')}")
        return errors

    def screenshot(self, full_page: bool = False) -> bytes:
        """A PNG of the viewport, or of the whole page."""
        params: dict = {"format": "png"}
        if full_page:
            size = self.browser.send("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        return base64.b64decode(self.browser.send("Page.captureScreenshot", params, self.session)["data"])

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
