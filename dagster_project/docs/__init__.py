"""`make docs`: static documentation sites under ``site/`` (git-ignored).

- ``site/gx/``: Great Expectations data docs, the suites of ``expectations/*.json`` and their
  validation against ``marts.fct_reconciliation`` of the warehouse;
- ``site/dbt/``: dbt docs (``dbt docs generate --static``) of the dbt project and its catalog.
"""
