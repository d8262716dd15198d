"""Which body issued a report: its name as printed, cleaned, completed with its place, and placed
in the national division table (``dbt/seeds/divisions.csv``) and the zone table (``dbt/seeds/zones.csv``).

- :mod:`.names`: cleaning a printed name (pinyin, spaces, Traditional) and the kind of a body
- :mod:`.divisions`: the division and zone tables, and the places a text or a site names
- :mod:`.signals`: what a page says about its issuer (title, fields, sentences, signature, site)
- :mod:`.resolve`: one canonical identity from the signals
- :mod:`.one_body`: whether a name whose place is left open still names one body (the stage scopes the others)
"""
from .resolve import AgencyIdentity, resolve_agency
from .signals import PageSignals, read_signals

__all__ = ["AgencyIdentity", "PageSignals", "read_signals", "resolve_agency"]
