"""`make docs`: static documentation pages under ``site/`` (git-ignored) that open from a file, offline.

- ``site/quality/index.html``: the reconciliation suites validated by Great Expectations;
- ``site/dashboard.html``: the warehouse at a glance (charts with Vega inlined);
- ``site/dbt/static_index.html``: dbt docs (``dbt docs generate --static``) of the project and its catalog.
"""
