"""In-process metrics in the Prometheus text format: request counts and latencies by route,
ingest counts. One process, one registry; a multi-worker deployment scrapes each worker."""

from __future__ import annotations

import threading
from collections import defaultdict

# Upper bounds in seconds; a request lands in every bucket at or above its duration.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

_lock = threading.Lock()
_requests: dict[tuple[str, str, int], int] = defaultdict(int)
_latency_sum: dict[tuple[str, str], float] = defaultdict(float)
_latency_count: dict[tuple[str, str], int] = defaultdict(int)
_latency_buckets: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(BUCKETS))
_ingest: dict[str, int] = defaultdict(int)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    key = (method, route)
    with _lock:
        _requests[(method, route, status)] += 1
        _latency_sum[key] += seconds
        _latency_count[key] += 1
        buckets = _latency_buckets[key]
        for i, bound in enumerate(BUCKETS):
            if seconds <= bound:
                buckets[i] += 1


def count_ingest(articles: int, statements: int, duplicates: int) -> None:
    with _lock:
        _ingest["articles"] += articles
        _ingest["statements"] += statements
        _ingest["duplicates"] += duplicates


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def render() -> str:
    lines = [
        "# HELP quotes_http_requests_total HTTP requests by method, route template and status.",
        "# TYPE quotes_http_requests_total counter",
    ]
    with _lock:
        for (method, route, status), n in sorted(_requests.items()):
            lines.append(
                f'quotes_http_requests_total{{method="{method}",route="{_label(route)}",'
                f'status="{status}"}} {n}'
            )
        lines += [
            "# HELP quotes_http_request_duration_seconds HTTP request latency by route.",
            "# TYPE quotes_http_request_duration_seconds histogram",
        ]
        for (method, route), count in sorted(_latency_count.items()):
            labels = f'method="{method}",route="{_label(route)}"'
            for bound, n in zip(BUCKETS, _latency_buckets[(method, route)], strict=True):
                lines.append(
                    f'quotes_http_request_duration_seconds_bucket{{{labels},le="{bound}"}} {n}'
                )
            lines.append(
                f'quotes_http_request_duration_seconds_bucket{{{labels},le="+Inf"}} {count}'
            )
            lines.append(
                f"quotes_http_request_duration_seconds_sum{{{labels}}} "
                f"{_latency_sum[(method, route)]:.6f}"
            )
            lines.append(f"quotes_http_request_duration_seconds_count{{{labels}}} {count}")
        for name, help_text in (
            ("articles", "Articles stored by ingest."),
            ("statements", "Statements stored by ingest."),
            ("duplicates", "Articles sent again and not stored twice."),
        ):
            lines += [
                f"# HELP quotes_ingest_{name}_total {help_text}",
                f"# TYPE quotes_ingest_{name}_total counter",
                f"quotes_ingest_{name}_total {_ingest[name]}",
            ]
    return "\n".join(lines) + "\n"
