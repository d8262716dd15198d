"""How the fetch asset opens its log line when it reports the fetch `make run` did before it decided
whether anything changed (run/prefetch.py): the run's console, which said that fetch then, knows it by
these words. A module of its own so the console imports no fetching code."""

PREFETCHED = "fetched before the run decided what changed"
