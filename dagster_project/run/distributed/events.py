"""The run's stored events, fed to the stage console as the workers write them.

With steps on other processes the events reach this process through the instance's storage
(PostgreSQL), not through an in-process listener, so a thread reads the new ones every
``interval_s`` and once more when the run is over.
"""
from __future__ import annotations

import threading
from collections.abc import Callable


class EventFeed:
    def __init__(self, instance, run_id: str, on_event: Callable, interval_s: float = 1.0) -> None:
        self.instance = instance
        self.run_id = run_id
        self.on_event = on_event
        self.interval_s = interval_s
        self._cursor: str | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="event-feed", daemon=True)

    def __enter__(self) -> "EventFeed":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.drain()  # whatever was stored after the last read

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self.drain()
            except Exception:  # noqa: BLE001 - a storage hiccup must not end the run; the final drain retries
                pass

    def drain(self) -> None:
        while True:
            connection = self.instance.get_records_for_run(self.run_id, cursor=self._cursor, limit=500)
            for record in connection.records:
                self.on_event(record.event_log_entry)
            self._cursor = connection.cursor
            if not connection.has_more:
                return
