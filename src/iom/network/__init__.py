"""Network analytics on person networks: centralities, key players, disruption simulation
with recovery, emerging groups and relatives at risk.

Pure functions on NetworkX graphs, one measure or algorithm per module (as NetworkX
does); `iom.network.projection` pulls the person network from the store.
"""

from __future__ import annotations

from iom.network.attack import AttackCurve, AttackError, attack, remove_people
from iom.network.centrality import CENTRALITIES, compute
from iom.network.edgelist import EdgeListError, EdgeListReport, read_edge_list
from iom.network.emerging import EmergingGroup, emerging_groups
from iom.network.keyplayers import KeyPlayer, key_players
from iom.network.measures import global_efficiency, network_measures
from iom.network.ordering import natural_key, rank_nodes
from iom.network.recovery import Recovery, compare_strategies, recover
from iom.network.relatives import PersonFacts, RelativeAtRisk, relatives_at_risk

__all__ = [
    "CENTRALITIES",
    "AttackCurve",
    "AttackError",
    "EdgeListError",
    "EdgeListReport",
    "EmergingGroup",
    "KeyPlayer",
    "PersonFacts",
    "Recovery",
    "RelativeAtRisk",
    "attack",
    "compare_strategies",
    "compute",
    "emerging_groups",
    "global_efficiency",
    "key_players",
    "natural_key",
    "network_measures",
    "rank_nodes",
    "read_edge_list",
    "recover",
    "relatives_at_risk",
    "remove_people",
]
