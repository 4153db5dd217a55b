"""Where iom keeps its data and which store it uses, read from the environment once."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from iom.errors import ConfigError

__all__ = ["Settings"]

NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


@dataclass(frozen=True)
class Settings:
    """Resolved configuration: data directory, store URI and Neo4j credentials."""

    data_dir: Path
    store_uri: str | None = None
    store_source: str = "default"
    neo4j_username: str | None = None
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    config_dir: Path | None = None
    graph: str = "iom"

    @classmethod
    def from_env(cls, store: str | None = None, data_dir: str | Path | None = None) -> Settings:
        """Read IOM_DATA_DIR, IOM_CONFIG_DIR and the NEO4J_* variables; `store` overrides."""
        env = os.environ
        raw_dir = data_dir or env.get("IOM_DATA_DIR") or platformdirs.user_data_dir("iom")
        uri, source = None, "default"
        if store:
            uri, source = store, "--store"
        elif env.get("NEO4J_URI"):
            uri, source = env["NEO4J_URI"], "NEO4J_URI"
        if uri and uri != "embedded":
            scheme = uri.split("://", 1)[0] if "://" in uri else ""
            if scheme not in NEO4J_SCHEMES:
                raise ConfigError(
                    f"{source}={uri!r} is not a Neo4j URI: it must start with one of "
                    + ", ".join(s + "://" for s in NEO4J_SCHEMES)
                    + " (leave it unset to use the embedded store)."
                )
        if uri == "embedded":
            uri = None
        config_dir = env.get("IOM_CONFIG_DIR")
        return cls(
            data_dir=Path(raw_dir).expanduser().resolve(),
            store_uri=uri,
            store_source=source,
            neo4j_username=env.get("NEO4J_USERNAME", "neo4j"),
            neo4j_password=env.get("NEO4J_PASSWORD"),
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            config_dir=Path(config_dir).expanduser() if config_dir else None,
            graph=_graph_name(env.get("IOM_GRAPH", "iom")),
        )

    def with_graph(self, graph: str) -> Settings:
        """The same settings naming another graph in the embedded store."""
        return replace(self, graph=_graph_name(graph))

    @property
    def reference_dir(self) -> Path:
        """Where the force's reference tables are read from: IOM_CONFIG_DIR, else <data>/config."""
        return self.config_dir or self.data_dir / "config"

    @property
    def backend(self) -> str:
        """'neo4j' when a Neo4j URI is configured, else 'falkordb' (the embedded store)."""
        return "neo4j" if self.store_uri else "falkordb"


def _graph_name(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,63}", name):
        raise ConfigError(f"IOM_GRAPH={name!r}: use letters, digits, '-' or '_' (max 64)")
    return name
