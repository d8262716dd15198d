"""The multi-worker profile: the same `build_warehouse` job, its steps on Celery workers, its record in PostgreSQL.

executor.py (GOVINFO_EXECUTOR chooses the job's executor), job.py (the job rebuilt by name on any
worker, with the run's settings), events.py (the stored events fed to the console while the
workers run), main.py (`python -m dagster_project.run.distributed`, what
`make run-distributed` calls once deploy/distributed/start.sh has brought the services up).
"""
