import os
import sys

from .main import main

code = main()
sys.stdout.flush()
sys.stderr.flush()
# Everything a run writes is closed, synced and published by now. The interpreter's own teardown
# (freeing Dagster's, dbt's and Great Expectations' objects) took 5-10 s after the summary was printed
# at 10,000 reports, with the person waiting for the prompt; nothing in it is needed.
os._exit(code)
