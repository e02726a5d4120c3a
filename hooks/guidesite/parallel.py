"""One language's build in a process of its own, beside the one that started it.

The child is forked once the content has been loaded and checked, so it inherits that
checked content instead of loading it again, and holds only its own language's pages. It
speaks only through its log: each record it would have printed is kept in a file and
replayed in the parent's log when the parent waits for it, where the parent's warning
counts and problem lists see it as if it had been logged there. Where ``os.fork`` does not
exist (Windows), the work runs in this process when it is waited for, one language after
the other, as a build did before.
"""
from __future__ import annotations

import gc
import json
import logging
import os
import signal
import sys
import tempfile
import traceback
from typing import Callable

FAILED = "failed"  # the record that carries why the child's work did not finish


class _ToFile(logging.Handler):
    """Each record as one JSON line: what the parent needs to replay it."""

    def __init__(self, handle):
        super().__init__(logging.NOTSET)
        self.handle_file = handle

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
        said = {"name": record.name, "levelno": record.levelno, "levelname": record.levelname, "msg": message}
        self.handle_file.write(json.dumps(said) + "\n")


class ChildBuild:
    """``work`` running in a forked child whose ``logger`` records the parent replays."""

    def __init__(self, work: Callable[[], None], logger: str):
        self.work, self.logger = work, logging.getLogger(logger)
        self.pid: int | None = None
        self.records = None

    def start(self) -> "ChildBuild":
        if not hasattr(os, "fork"):
            return self
        self.records = tempfile.TemporaryFile("w+", encoding="utf-8")
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:
            self._be_the_child()
        return self

    def _be_the_child(self) -> None:
        """Run the work, then leave without returning into the parent's code (nor its exit handlers)."""
        status = 1
        try:
            gc.freeze()  # what the parent left is never freed here: don't scan it (nor copy its pages)
            self.logger.handlers = [_ToFile(self.records)]
            self.work()
            status = 0
        except BaseException as err:  # noqa: BLE001 - whatever it was, the parent must hear why
            said = getattr(err, "message", None) or str(err) or type(err).__name__
            if not getattr(err, "exit_code", None):  # not a build's own "Aborted…": show where it came from
                self.logger.error("".join(traceback.format_exception(err)).rstrip())
            self.records.write(json.dumps({FAILED: said}) + "\n")
        finally:
            try:
                self.records.flush()
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(status)

    def finish(self) -> str | None:
        """Wait for the work; replay its log here. None if it succeeded, else why it did not.
        Without fork, the work runs now, here, and its exceptions are its own."""
        if self.records is None:
            self.work()
            return None
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        self.records.seek(0)
        failure = None
        for line in self.records:
            found = json.loads(line)
            if FAILED in found:
                failure = found[FAILED]
            else:
                self.logger.handle(logging.makeLogRecord(found))
        self.records.close()
        if failure is None and status != 0:
            code = os.waitstatus_to_exitcode(status)
            failure = f"its process stopped ({f'signal {-code}' if code < 0 else f'exit status {code}'})"
        return failure

    def stop(self) -> None:
        """The parent failed: the child's work is no longer wanted."""
        if self.pid is not None:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
            self.pid = None
        if self.records is not None:
            self.records.close()
