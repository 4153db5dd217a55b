"""The embedded store's files: damage refused with one sentence, full disks, backups, privacy."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from csv_files import write_texts
from iom.cli import main
from iom.errors import ConfigError, StoreDamaged, StoreError
from iom.ingest import count_graph, load_directory
from iom.security import audit
from iom.security.access import SYSTEM, Actor
from iom.settings import Settings
from iom.store import EmbeddedServer, open_store
from iom.store import falkor as falkor_module
from iom.store.backup import backup_store, restore_store

ACTOR = Actor(user="tester", role="ANALYST", purpose="file tests")
PEOPLE = {"Person.csv": "id:ID(Person),first_name,last_name\nP1,Ann,Smith\nP2,Bob,Jones\n"}


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A data directory of its own (short path for the socket); its server stopped at the end."""
    root = Path(tempfile.mkdtemp(prefix="iomf-"))
    yield root / "data"
    server = EmbeddedServer(root / "data")
    with contextlib.suppress(Exception):
        server.stop(force=True)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _no_neo4j(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR", "IOM_GRAPH"):
        monkeypatch.delenv(name, raising=False)


def iom(data_dir: Path, *args: str) -> Result:
    """Run `iom --data-dir DATA ARGS...`."""
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def _filled(data_dir: Path, events: int = 3) -> EmbeddedServer:
    """A stopped store holding two people and `events` audit events."""
    store = open_store(Settings(data_dir=data_dir))
    load_directory(store, write_texts(data_dir.parent / "csv", PEOPLE), SYSTEM)
    for n in range(events):
        audit.record(store, ACTOR, "CONSULTATION", ["P1"], f"view {n}")
    store.close()
    server = EmbeddedServer(data_dir)
    assert not server.is_running()
    return server


def _events(data_dir: Path) -> list[str]:
    store = open_store(Settings(data_dir=data_dir))
    try:
        rows = store.read("security/audit/recent_events", {"subject_id": "P1", "limit": 100})
        return sorted(str(r["detail"]) for r in rows if r["operation"] == "CONSULTATION")
    finally:
        store.close()


def _base(server: EmbeddedServer) -> Path:
    (base,) = server.aof_dir.glob("*.base.rdb")
    return base


def test_a_zero_length_base_file_is_refused_naming_it(data_dir: Path) -> None:
    server = _filled(data_dir)
    base = _base(server)
    base.write_bytes(b"")
    expected = (
        f"the store file {base} is empty (damaged); restore a backup with `iom restore DIR`, "
        f"or move {server.dir} aside to start an empty store"
    )
    with pytest.raises(StoreDamaged) as caught:
        open_store(Settings(data_dir=data_dir))
    assert str(caught.value) == expected
    result = iom(data_dir, "stats")
    assert result.exit_code == 1 and result.output == f"Error: {expected}\n"
    assert not server.is_running()  # never started empty


def test_a_missing_manifest_is_refused_naming_it(data_dir: Path) -> None:
    server = _filled(data_dir)
    server.manifest.unlink()
    with pytest.raises(StoreDamaged, match=r"^the store's manifest .*appendonly\.aof\.manifest is"):
        open_store(Settings(data_dir=data_dir))
    shutil.rmtree(server.aof_dir)  # every store file gone: still not started empty
    with pytest.raises(StoreDamaged, match="is missing, so its data cannot be read"):
        open_store(Settings(data_dir=data_dir))


def test_a_crash_while_the_server_removes_replaced_files_is_not_damage(data_dir: Path) -> None:
    # After a log rewrite the server deletes the files it replaced (`type h` in the manifest),
    # then writes the manifest without them: a kill -9 in between leaves it naming files that
    # are gone (seen in 1 of 150 kills timed around a rewrite). The server ignores them.
    server = _filled(data_dir)
    lines = server.manifest.read_text().splitlines()
    lines[1:1] = [
        "file appendonly.aof.90.incr.aof seq 90 type h startoffset 22",
        "file appendonly.aof.89.base.rdb seq 89 type h",
    ]
    server.manifest.write_text("\n".join(lines) + "\n")
    (server.aof_dir / "temp-appendonly.aof.manifest").write_text(lines[0] + "\n")  # half-written
    assert not (server.aof_dir / "appendonly.aof.90.incr.aof").exists()
    assert _events(data_dir) == ["view 0", "view 1", "view 2"]


def test_a_missing_log_the_server_loads_is_still_refused(data_dir: Path) -> None:
    server = _filled(data_dir)
    (incr,) = server.aof_dir.glob("*.incr.aof")
    incr.unlink()  # deleted by something else: no crash removes a log still in use
    with pytest.raises(StoreDamaged) as caught:
        open_store(Settings(data_dir=data_dir))
    assert str(caught.value) == (
        f"the store file {incr} named in its manifest is missing; restore a backup with "
        f"`iom restore DIR`, or move {server.dir} aside to start an empty store"
    )
    assert not server.is_running()


def test_a_first_start_cut_short_before_the_manifest_starts_empty(data_dir: Path) -> None:
    # The server's first start writes its first files, then the manifest: a crash in between
    # leaves files and no manifest, before anything was stored (the store never answered).
    server = EmbeddedServer(data_dir)
    server._prepare_dir()
    server._spawn()
    server.stop()
    server.manifest.unlink()
    assert list(server.aof_dir.glob("appendonly.aof.*")) and not server.marker.exists()
    store = open_store(Settings(data_dir=data_dir))
    try:
        assert count_graph(store).labels == {}
    finally:
        store.close()
    assert server.manifest.exists() and server.marker.exists()


def test_a_truncated_log_is_refused_and_repair_keeps_what_came_before(data_dir: Path) -> None:
    store = open_store(Settings(data_dir=data_dir))
    for n in range(3):
        audit.record(store, ACTOR, "CONSULTATION", ["P1"], f"view {n}")
    time.sleep(1.2)  # appendfsync everysec
    server = EmbeddedServer(data_dir)
    pid = server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    store._closed = True  # type: ignore[attr-defined]
    while server.ping():
        time.sleep(0.05)
    (incr,) = [p for p in server.aof_dir.glob("*.incr.aof") if p.stat().st_size]
    incr.write_bytes(incr.read_bytes()[:-7])  # the last event cut short
    with pytest.raises(StoreDamaged) as caught:
        open_store(Settings(data_dir=data_dir))
    assert str(caught.value) == (
        f"the store's log {incr} ends in an incomplete write (cut off by a crash or a full "
        f"disk); restore a backup with `iom restore DIR`, or move {server.dir} aside to start an "
        "empty store, or run `iom repair` to keep everything before the damaged write"
    )
    result = iom(data_dir, "repair")
    assert result.exit_code == 0, result.output
    assert "the incomplete last write was dropped" in result.output
    assert _events(data_dir) == ["view 0", "view 1"]
    assert iom(data_dir, "repair").output.endswith("needed no repair.\n")


def test_free_space_is_checked_before_a_large_import(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(data_dir)
    more = {"Person.csv": PEOPLE["Person.csv"] + "P3,Cy,Doe\n"}
    folder = write_texts(data_dir.parent / "more", more)
    monkeypatch.setattr(falkor_module, "free_bytes", lambda folder: 3_000_000)
    store = open_store(Settings(data_dir=data_dir))
    try:
        before = count_graph(store).as_dict()
        with pytest.raises(StoreError) as caught:
            load_directory(store, folder, SYSTEM)
        assert str(caught.value).startswith(
            "not enough free disk space for this import: it needs about 17 MB in "
        )
        assert str(caught.value).endswith(" and 3 MB is free; free some space and try again.")
        assert count_graph(store).as_dict() == before
    finally:
        store.close()


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a tiny tmpfs (a real full disk)")
def test_a_really_full_disk_gives_one_sentence_and_data_survives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mount = Path(tempfile.mkdtemp(prefix="iomfull-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)]).returncode:
        pytest.skip("mount refused here")
    data_dir = mount / "d"
    monkeypatch.setattr(falkor_module, "free_bytes", lambda folder: 10**12)  # past the pre-check
    try:
        _filled(data_dir)
        rows = "".join(f"Q{i},{'x' * 300},y\n" for i in range(6000))
        big = write_texts(
            Path(tempfile.mkdtemp(prefix="iomcsv-")), {"Person.csv": PEOPLE["Person.csv"] + rows}
        )
        result = iom(data_dir, "load", str(big))
        assert result.exit_code == 1
        assert result.output.splitlines()[-1] == (
            f"Error: the disk holding {data_dir} is full, so the store cannot write; what it held "
            "is safe and it writes again once space is freed: free some space and try again."
        )
        status = iom(data_dir, "status").output
        assert "Running: pid" in status and "Cannot write: the disk holding" in status
        down = iom(data_dir, "down")  # refused with a sentence, or stopped: never a traceback
        assert down.exception is None or isinstance(down.exception, SystemExit), down.output
        subprocess.run(["mount", "-o", "remount,size=64m", str(mount)], check=True)
        assert _events(data_dir) == ["view 0", "view 1", "view 2"]
        store = open_store(Settings(data_dir=data_dir))
        try:
            assert count_graph(store).labels == {"Person": 2}
            audit.record(store, ACTOR, "CONSULTATION", ["P1"], "after")  # writes again
        finally:
            store.close()
        assert iom(data_dir, "down").exit_code == 0
    finally:
        with contextlib.suppress(Exception):
            EmbeddedServer(data_dir).stop(force=True)
        subprocess.run(["umount", "-l", str(mount)])
        shutil.rmtree(mount, ignore_errors=True)


def test_backup_of_a_running_store_and_restore(data_dir: Path) -> None:
    _filled(data_dir, events=2)
    store = open_store(Settings(data_dir=data_dir))  # running, in use
    folder = data_dir.parent / "backup"
    result = iom(data_dir, "backup", str(folder))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Backed up the embedded store to {folder} (")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "store.rdb").stat().st_mode) == 0o600
    later = {"Person.csv": "id:ID(Person),first_name,last_name\nP9,A,B\n"}
    load_directory(store, write_texts(data_dir.parent / "later", later), SYSTEM)
    audit.record(store, ACTOR, "CONSULTATION", ["P1"], "after the backup")
    refused = iom(data_dir, "restore", str(folder))
    assert refused.exit_code == 1 and "is running; stop it with `iom down`" in refused.output
    store.close()
    iom(data_dir, "down")
    restored = iom(data_dir, "restore", str(folder))
    assert restored.exit_code == 0, restored.output
    assert "The files it replaced are kept in" in restored.output
    assert _events(data_dir) == ["view 0", "view 1"]
    again = open_store(Settings(data_dir=data_dir))
    try:
        assert count_graph(again).labels == {"Person": 2}
    finally:
        again.close()


def test_a_backup_is_refused_when_it_would_overwrite_or_is_damaged(data_dir: Path) -> None:
    _filled(data_dir, events=1)
    taken = data_dir.parent / "b1"
    backup_store(Settings(data_dir=data_dir), taken)
    with pytest.raises(ConfigError, match="already exists and is not an empty folder"):
        backup_store(Settings(data_dir=data_dir), taken)
    EmbeddedServer(data_dir).stop()
    with (taken / "store.rdb").open("ab") as handle:
        handle.write(b"x")
    with pytest.raises(ConfigError, match=r"store\.rdb does not match .*backup\.json"):
        restore_store(Settings(data_dir=data_dir), taken)
    with pytest.raises(ConfigError, match="is not an iom backup"):
        restore_store(Settings(data_dir=data_dir), data_dir.parent)
    assert _events(data_dir) == ["view 0"]  # nothing replaced


def test_the_data_directory_is_private(data_dir: Path) -> None:
    _filled(data_dir)
    open_store(Settings(data_dir=data_dir)).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in data_dir.rglob("*"):
        if path.is_socket():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is readable by others ({oct(mode)})"
