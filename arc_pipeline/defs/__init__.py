"""The Dagster layer: thin assets that call the plain-Python library (which never imports dagster)."""
