"""An import on the embedded store is isolated: staging copy, atomic switch, audit kept apart."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from csv_files import write_texts
from iom.errors import StoreError
from iom.ingest import count_graph, load_directory
from iom.security import audit
from iom.security.access import SYSTEM, Actor
from iom.settings import Settings
from iom.store import Store, open_store
from iom.store.embedded import fork_lock
from iom.store.falkor import STAGING_INFIX, FalkorStore

ACTOR = Actor(user="viewer", role="ANALYST", purpose="isolation tests")


def _people(n: int, prefix: str = "P") -> dict[str, str]:
    rows = "".join(f"{prefix}{i},First{i},Last{i}\n" for i in range(n))
    return {"nodes/Person.csv": "id:ID(Person),first_name,last_name\n" + rows}


def _events(store: Store) -> list[str]:
    rows = store.read("security/audit/recent_events", {"subject_id": None, "limit": 1000})
    return sorted(str(r["detail"]) for r in rows)


def _people_count(store: Store) -> int:
    return count_graph(store).labels.get("Person", 0)


def test_audit_events_written_by_another_connection_survive_a_failing_import(
    store: Store, settings: Settings
) -> None:
    other = open_store(settings.with_graph(store.graph_name))  # type: ignore[attr-defined]
    try:
        audit.record(store, ACTOR, "CONSULTATION", ["P0"], "before")
        with pytest.raises(RuntimeError, match="last file failed"), store.transaction() as tx:
            tx.write("ingest/create_nodes", {"rows": [{"id": "X1", "props": {"id": "X1"}}]},
                     slots={"Labels": ["Person"]})  # fmt: skip
            audit.record(tx, SYSTEM, "COLLECTION", ["X1"], "the import's own event")
            for n in range(5):  # profile views by another process while the import runs
                audit.record(other, ACTOR, "CONSULTATION", [f"P{n}"], f"view {n}")
            raise RuntimeError("last file failed")
        assert _events(other) == ["before"] + [f"view {n}" for n in range(5)]
        assert _people_count(other) == 0
    finally:
        other.close()


def test_a_reader_sees_the_store_as_it_was_until_the_import_commits(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    load_directory(store, write_texts(tmp_path / "a", _people(3)), SYSTEM)
    reader = open_store(settings.with_graph(store.graph_name))  # type: ignore[attr-defined]
    seen: list[int] = []
    try:
        with store.transaction() as tx:
            tx.run_batches(
                "ingest/create_nodes",
                [{"id": f"Q{i}", "props": {"id": f"Q{i}"}} for i in range(50)],
                slots={"Labels": ["Person"]},
            )
            assert count_graph(tx).labels["Person"] == 53  # the import sees its own writes
            seen.append(_people_count(reader))
        seen.append(_people_count(reader))
    finally:
        reader.close()
    assert seen == [3, 53]


def test_a_commit_keeps_the_key_index_and_later_writes_work(store: Store, tmp_path: Path) -> None:
    load_directory(store, write_texts(tmp_path / "a", _people(3)), SYSTEM)
    labels = {row["label"] for row in store.read("schema/key_indexes")}
    assert "Person" in labels
    load_directory(store, write_texts(tmp_path / "b", _people(2, "R")), SYSTEM)
    assert _people_count(store) == 5


def _lock(store: Store) -> dict[str, object]:
    conn = store._conn  # type: ignore[attr-defined]
    raw = conn.get(store._lock_key)  # type: ignore[attr-defined]
    return json.loads(raw) if raw else {}


def test_a_lock_naming_a_reused_live_pid_but_a_gone_connection_is_recovered_at_once(
    store: Store,
) -> None:
    conn = store._conn  # type: ignore[attr-defined]
    run_id = conn.info("server")["run_id"]
    stale = {"token": "t", "pid": os.getpid(), "client": 10**9, "run": run_id}  # pid is alive
    conn.set(store._lock_key, json.dumps(stale))  # type: ignore[attr-defined]
    name = store.graph_name  # type: ignore[attr-defined]
    with fork_lock(store.server.socket):  # type: ignore[attr-defined]  # COPY forks: one at a time
        store._wait_for_background_work()  # type: ignore[attr-defined]
        conn.execute_command("GRAPH.COPY", name, name + STAGING_INFIX + "dead")
    started = time.monotonic()
    with store.transaction() as tx:
        audit.record(tx, SYSTEM, "COLLECTION", [], "after the crash")
    assert time.monotonic() - started < 5
    graphs = set(store._graphs())  # type: ignore[attr-defined]
    assert not [g for g in graphs if STAGING_INFIX in g]  # the stale staging copy is discarded
    assert _lock(store) == {}


def test_a_live_writer_is_waited_for_and_named(store: Store, settings: Settings) -> None:
    other = open_store(settings.with_graph(store.graph_name))
    assert isinstance(other, FalkorStore)
    try:
        busy = pytest.raises(StoreError, match=r"another process \(pid \d+\)")
        with other._write_lock(), busy, store._write_lock(wait=0.3):  # type: ignore[attr-defined]
            pass
    finally:
        other.close()


_IMPORTER = """
import sys, time
from pathlib import Path
from iom.security.access import SYSTEM
from iom.ingest import load_directory
from iom.store import open_store
from iom.settings import Settings

def progress(line):
    print(line, flush=True)
    if line == "nodes/Person.csv: 2,000 rows":
        time.sleep(600)  # the parent kills us here, mid-load

store = open_store(Settings.from_env().with_graph(sys.argv[2]))
load_directory(store, Path(sys.argv[1]), SYSTEM, progress=progress)
print("done", flush=True)
"""


def test_kill_9_of_the_importer_mid_load_leaves_the_old_store(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    load_directory(store, write_texts(tmp_path / "old", _people(3)), SYSTEM)
    before = count_graph(store).as_dict()
    new = write_texts(
        tmp_path / "new",
        {**_people(2000, "N"), "nodes/OCG.csv": "id:ID(OCG),name,threat\nG1,x,FRAUD\n"},
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["IOM_DATA_DIR"] = str(settings.data_dir)
    child = subprocess.Popen(
        [sys.executable, "-c", _IMPORTER, str(new), store.graph_name],  # type: ignore[attr-defined]
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "nodes/Person.csv: 2,000 rows":
            break
    assert _lock(store), "the importer holds the write lock mid-load"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    # This process held the store throughout: it sees the old store, without reopening it.
    assert count_graph(store).as_dict() == before
    started = time.monotonic()
    load_directory(store, write_texts(tmp_path / "next", _people(1, "Z")), SYSTEM)
    assert time.monotonic() - started < 10  # no wait for a dead writer's lock
    assert _people_count(store) == 4
    assert not [g for g in store._graphs() if STAGING_INFIX in g]  # type: ignore[attr-defined]


def test_audit_events_an_earlier_version_kept_in_the_records_graph_are_moved(
    store: Store, settings: Settings
) -> None:
    name = store.graph_name  # type: ignore[attr-defined]
    conn = store._conn  # type: ignore[attr-defined]
    for n in range(3):  # as iom before the audit graph wrote them
        conn.execute_command(
            "GRAPH.QUERY", name,
            f"CREATE (:AuditEvent {{id: 'old{n}', at: '2026-01-0{n + 1}', user: 'u', role: "
            f"'ANALYST', operation: 'CONSULTATION', purpose: 'p', subject_ids: ['P1'], "
            f"detail: 'old {n}'}})",
        )  # fmt: skip
    again = open_store(settings.with_graph(name))
    try:
        assert sorted(_events(again)) == ["old 0", "old 1", "old 2"]
        assert store.read("stats/label_counts") == []  # none left among the records
        assert count_graph(again).system == {"AuditEvent": 3}
    finally:
        again.close()
