"""Every asset the UI shows sits in the group of its stage (fetch, ingest, parse, dbt_*), none in
`default`, and has a description."""
from __future__ import annotations

import dagster as dg

from dagster_project.definitions import defs


def test_every_asset_is_in_its_stage_group_with_a_description() -> None:
    graph = defs.resolve_asset_graph()
    nodes = {key.to_user_string(): graph.get(key) for key in graph.get_all_asset_keys()}
    assert not [name for name, node in nodes.items() if node.group_name == "default"]
    assert not [name for name, node in nodes.items() if not (node.description or "").strip()]
    refused = graph.get(dg.AssetKey(["staging", "refused_documents"]))
    assert refused.group_name == "ingest" and dg.AssetKey(["staging", "documents"]) in refused.parent_keys
