"""How a run is driven: `python -m dagster_project.run` (`make run`) and `python -m dagster_project.run.dev` (`make dev`).

lock.py (one run per warehouse), publish.py (build a working copy, swap it in whole),
stale_runs.py (killed runs marked failed), capture.py (the full log to a file), console.py
(one line per stage), summary.py (what the warehouse holds), main.py (the run), dev.py (the UI).
"""
