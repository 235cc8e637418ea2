"""Shared helper: every asset (partition) whose Dagster stale status is not FRESH."""

from __future__ import annotations


def not_fresh(instance, defs) -> dict[str, str]:
    """``{"asset[partition]": "STALE: reasons"}`` through Dagster's own resolver (what the UI shows)."""
    from dagster._core.asset_graph_view.asset_graph_view import AssetGraphView, TemporalContext
    from dagster._core.definitions.data_version import CachingStaleStatusResolver, StaleStatus
    from dagster._time import get_current_datetime

    graph = defs.resolve_asset_graph()
    view = AssetGraphView(temporal_context=TemporalContext(effective_dt=get_current_datetime(), last_event_id=None),
                          instance=instance, asset_graph=graph)
    resolver = CachingStaleStatusResolver(instance=instance, asset_graph=graph, loading_context=view)
    out = {}
    for key in graph.get_all_asset_keys():
        parts = graph.get(key).partitions_def
        for partition in parts.get_partition_keys() if parts else [None]:
            status = resolver.get_status(key, partition)
            if status != StaleStatus.FRESH:
                causes = "; ".join(c.reason for c in resolver.get_stale_causes(key, partition))
                label = key.to_user_string() + (f"[{partition}]" if partition else "")
                out[label] = f"{status.value}: {causes}"
    return out
