"""The Dask backend (extra ``dask``): the per-article stage runs on a Dask cluster, placement stays here.

Each batch of documents is cut into one chunk per worker and mapped with ``Client.submit``; results come back in
input order, so stories are the same as with the local backend. Only the pure stage travels: the store and the
story index never leave this process. A chunk's documents are scattered to a worker as data and the task names
them, so the task graph stays small however large the pages are.

A running scheduler (``--scheduler``) is asked who it is before anything else happens, within
:data:`SCHEDULER_TIMEOUT_S`: an address that nothing answers on, something that is no Dask scheduler (the
dashboard's HTTP port, a worker) and a scheduler without workers each fail with one line naming the address.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsfold.deps import require
from newsfold.errors import ConfigError, NewsfoldError
from newsfold.models import RawDoc

if TYPE_CHECKING:
    from newsfold.models import Rejected, Skipped, Unchanged
    from newsfold.preparation import Prepared, Snapshot
    from newsfold.settings import Settings


# Inputs per task, and tasks outstanding per worker (the stream is never read ahead further than that).
CHUNK = 200
IN_FLIGHT = 3
# Seconds a running scheduler has to accept the connection, answer as a scheduler and have a worker: one on the
# same network answers in milliseconds and a worker joins a fresh one in a second or two; past this the address
# is wrong (Dask's own default, 30 s per step and none at all for the handshake, hid that for good).
SCHEDULER_TIMEOUT_S = 15.0
# How long to wait before trying a refused connection again, or asking a scheduler without workers again.
_RETRY_S = 0.25

SCHEMES = ("tcp", "tls")
_HOST = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)$")
_PORT = re.compile(r"^[0-9]{1,5}$")


class SchedulerError(NewsfoldError):
    """A Dask scheduler given by address cannot be reached, is no scheduler, or has no workers."""


def check_scheduler_address(address: str) -> str:
    """Check the form of a scheduler address and return it with its scheme (``tcp://`` when none is given).

    Args:
        address: ``tcp://HOST:PORT``, ``tls://HOST:PORT`` or ``HOST:PORT``; an IPv6 host in brackets.

    Returns:
        The address with its scheme, e.g. ``tcp://10.0.0.5:8786``.

    Raises:
        ConfigError: the address is not of that form (no port, another scheme, a path, stray colons).
    """
    given = address.strip()
    scheme, sep, location = given.partition("://")
    if not sep:
        scheme, location = "tcp", given
    scheme = scheme.lower()
    expected = "expected tcp://HOST:PORT, e.g. tcp://127.0.0.1:8786"
    if scheme not in SCHEMES:
        hint = (
            " (an http address is the dashboard's, not the scheduler's)"
            if scheme in ("http", "https")
            else ""
        )
        raise ConfigError(f"scheduler address {address!r}: unsupported scheme {scheme!r}{hint}; {expected}")
    host, colon, port = location.rpartition(":")
    if not colon or not _PORT.match(port) or not 0 < int(port) < 65536:
        raise ConfigError(f"scheduler address {address!r} has no valid port; {expected}")
    if not _HOST.match(host) or (":" in host and not host.startswith("[")):
        raise ConfigError(f"scheduler address {address!r} has no valid host; {expected}")
    return f"{scheme}://{host}:{int(port)}"


async def _probe(address: str, timeout: float) -> int:
    """Reach the scheduler, have it answer as one and wait for a worker; return how many workers it has."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    host, _, port = address.partition("://")[2].rpartition(":")
    failure: OSError | None = None
    try:  # a plain TCP connection first, so that a port that never answers is told from one that is no scheduler
        async with asyncio.timeout_at(deadline):
            while True:
                try:
                    _, writer = await asyncio.open_connection(host.strip("[]"), int(port))
                except OSError as exc:  # refused, no route, unknown host: a scheduler may be starting
                    failure = exc
                    await asyncio.sleep(_RETRY_S)
                else:
                    writer.close()
                    break
    except TimeoutError:
        cause = f" ({_one_line(failure)})" if failure else ""
        raise SchedulerError(
            f"cannot reach a Dask scheduler at {address} within {timeout:g} s{cause}"
        ) from None
    connect = require("distributed.comm", extra="dask").connect
    try:
        async with asyncio.timeout_at(deadline):
            comm = await connect(address, timeout=max(deadline - loop.time(), _RETRY_S))
    except TimeoutError:
        raise SchedulerError(
            f"{address} does not answer as a Dask scheduler (nothing within {timeout:g} s; is it the dashboard's "
            "port? the scheduler's is usually 8786)"
        ) from None
    except Exception as exc:  # a peer that is no scheduler makes the framing fail in many ways
        raise SchedulerError(f"{address} is not a Dask scheduler ({_one_line(exc)})") from None
    try:
        async with asyncio.timeout_at(deadline):
            while True:
                await comm.write({"op": "identity", "n_workers": 0, "reply": True})
                info = await comm.read()
                if not isinstance(info, dict) or info.get("type") != "Scheduler":
                    what = info.get("type") if isinstance(info, dict) else None
                    said = (
                        f"it answers as a {what}" if isinstance(what, str) else "its answer is no scheduler's"
                    )
                    raise SchedulerError(f"{address} is not a Dask scheduler: {said}")
                workers = info.get("n_workers")
                if isinstance(workers, int) and workers > 0:
                    return workers
                await asyncio.sleep(_RETRY_S)
    except TimeoutError:
        raise SchedulerError(
            f"the Dask scheduler at {address} has no workers (none joined within {timeout:g} s)"
        ) from None
    except OSError as exc:
        raise SchedulerError(
            f"the Dask scheduler at {address} closed the connection ({_one_line(exc)})"
        ) from None
    finally:
        comm.abort()


def _one_line(exc: BaseException) -> str:
    """The root cause of a failed connection in a few words (``connection refused``), else the first line."""
    root: BaseException | None = exc
    while root is not None:
        if isinstance(root, OSError) and (root.strerror or root.errno):
            # asyncio's ConnectionRefusedError says "Connect call failed (...)": the errno says it better
            text = os.strerror(root.errno) if root.errno and root.errno > 0 else str(root.strerror)
            return text[0].lower() + text[1:]
        root = root.__cause__ or root.__context__
    lines = str(exc).strip().splitlines()
    return re.sub(r"^in <[^>]*>: ", "", lines[0]) if lines else type(exc).__name__


def probe_scheduler(address: str, timeout: float | None = None) -> int:
    """Make sure a Dask scheduler answers at ``address`` and has a worker, within ``timeout`` seconds.

    Args:
        address: a checked address (:func:`check_scheduler_address`).
        timeout: seconds for all of it, default :data:`SCHEDULER_TIMEOUT_S`.

    Returns:
        The number of workers the scheduler has.

    Raises:
        SchedulerError: nothing answers there in time, it is no Dask scheduler, or it has no worker.
    """
    return asyncio.run(_probe(address, SCHEDULER_TIMEOUT_S if timeout is None else timeout))


def _prepare_chunk(docs: Sequence[Any], settings: Settings, snapshot: Snapshot) -> list[Any]:
    from newsfold.backends.local import prepare_all

    return prepare_all(docs, settings, snapshot)


def _results(pending: Any) -> list[Any]:
    """The results of an outstanding chunk: a (future, its scattered input) pair's, or a chunk that was not sent."""
    return pending if isinstance(pending, list) else list(pending[0].result())


class DaskBackend:
    """Runs :func:`newsfold.preparation.prepare` on Dask workers.

    Args:
        workers: processes of a local cluster to start (default 2) when no scheduler is given.
        scheduler: address of a running scheduler (``tcp://host:8786``); a local cluster is started otherwise.
        timeout: seconds a running scheduler has to answer and have a worker (default
            :data:`SCHEDULER_TIMEOUT_S`).

    Raises:
        ConfigError: ``scheduler`` is no address of the form ``tcp://HOST:PORT``.
        SchedulerError: the scheduler does not answer in time, is no scheduler or has no worker.
        MissingDependency: the ``dask`` extra is not installed.
    """

    name = "dask"

    def __init__(
        self, workers: int | None = None, scheduler: str | None = None, timeout: float | None = None
    ) -> None:
        address = check_scheduler_address(scheduler) if scheduler else None
        distributed = require("distributed", extra="dask")
        self._cluster: Any = None
        self.timeout = SCHEDULER_TIMEOUT_S if timeout is None else timeout
        if address:
            probe_scheduler(address, self.timeout)
            try:
                self.client = distributed.Client(address, timeout=self.timeout)
            except (OSError, TimeoutError) as exc:
                raise SchedulerError(
                    f"cannot connect to the Dask scheduler at {address}: {_one_line(exc)}"
                ) from None
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=workers or 2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                # the scheduler serves its health and metrics routes even without a dashboard, on 8787 unless told
                # otherwise, and warns on stderr when that port is taken (another cluster, a notebook)
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                host="127.0.0.1",
            )
            self.client = distributed.Client(self._cluster)
        self.address = address
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or (workers or 2))

    def map_prepare(
        self,
        items: Iterable[RawDoc | Rejected | Skipped | Unchanged],
        settings: Settings,
        snapshot: Snapshot,
    ) -> Iterator[Prepared | RawDoc | Rejected | Skipped | Unchanged]:
        """Prepare the stream on the cluster, chunk by chunk, yielding results in input order.

        A chunk with nothing to prepare (inputs the store holds unchanged) is not sent: it waits in line as it is.

        Raises:
            SchedulerError: the cluster has no worker to take the data (they all left).
        """
        stream = iter(items)
        settings_f = snapshot_f = None
        pending: deque[Any] = deque()
        while chunk := list(islice(stream, CHUNK)):
            if any(isinstance(doc, RawDoc) for doc in chunk):
                if settings_f is None:
                    settings_f, snapshot_f = self._scatter([settings, snapshot], broadcast=True)
                # scattered as data, not put in the graph: 200 large pages make a graph Dask warns about
                (chunk_f,) = self._scatter([chunk])
                task = self.client.submit(_prepare_chunk, chunk_f, settings_f, snapshot_f, pure=False)
                pending.append((task, chunk_f))
            else:
                pending.append(chunk)
            while len(pending) > IN_FLIGHT * self.workers:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())

    def _scatter(self, data: list[Any], broadcast: bool = False) -> list[Any]:
        try:
            return list(self.client.scatter(data, broadcast=broadcast, hash=False))
        except TimeoutError:
            where = f"the Dask scheduler at {self.address}" if self.address else "the local Dask cluster"
            raise SchedulerError(f"{where} has no workers left (none in {self.timeout:g} s)") from None

    def close(self) -> None:
        """Close the client and the local cluster it started."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
