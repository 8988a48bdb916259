#!/usr/bin/env python3
"""p50/p95 of the pages a year of cases is read through (issue 17, docs/benchmarks.md "A year of cases").

  scripts/benchmark-year-http.py <base url> [runs]        e.g. http://127.0.0.1:8080 50

Against the application started on a generated year (scripts/generate-year.sh): each user signs in once as the SPA
does (POST /api/session, then the XSRF cookie), then every request below runs `runs` times, one at a time (one
client), and the table gives p50/p95/max in ms of the whole HTTP exchange (body read), with the body size. A case page
is what the SPA loads for a case (TicketDetailPage: the case with its timeline and tasks, its clocks, deliveries,
conversation and attachments), timed as the sum of its five requests. Intake is a fault report (POST /api/tickets).
Nothing is asserted: the figures are printed for the README.
"""
import random
import statistics
import sys
import time
import uuid

import requests

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
PASSWORD = "demo"  # generated engineers share the template account's password (generate-year-engine.sql)
PREFIXES = ["38", "39", "35", "36", "86", "89", "52", "77"]


def caller_phone(p):
    """The mobile number of generated caller p (0-19,999), as generate-year.sql writes it."""
    return "1" + PREFIXES[p % 8] + str(p * 4999 % 100000000).zfill(8)


def sign_in(user):
    s = requests.Session()
    s.get(BASE + "/api/me")
    r = s.post(BASE + "/api/session", json={"username": user, "password": PASSWORD},
               headers={"X-XSRF-TOKEN": s.cookies.get("XSRF-TOKEN", "")})
    r.raise_for_status()
    s.get(BASE + "/api/me")  # the CSRF cookie of the signed-in session
    s.headers["X-XSRF-TOKEN"] = s.cookies.get("XSRF-TOKEN", "")
    return s


def timed(s, method, path, **kw):
    start = time.perf_counter()
    r = s.request(method, BASE + path, **kw)
    size = len(r.content)
    ms = (time.perf_counter() - start) * 1000
    if r.status_code >= 400:
        raise SystemExit(f"{method} {path}: {r.status_code} {r.text[:300]}")
    return ms, size, r


rows = []


def measure(name, fn):
    times, sizes = [], []
    for _ in range(RUNS):
        ms, size = fn()
        times.append(ms)
        sizes.append(size)
    times.sort()
    p95 = times[min(len(times) - 1, -(-len(times) * 95 // 100) - 1)]
    rows.append((name, statistics.median(times), p95, times[-1], statistics.median(sizes)))
    print(f"  {name}: p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms", file=sys.stderr, flush=True)


def get(s, path_fn):
    def run():
        ms, size, _ = timed(s, "GET", path_fn())
        return ms, size
    return run


def main():
    desk, supervisor = sign_in("desk"), sign_in("supervisor")
    rnd = random.Random(17)
    # a busy engineer of the generated year, and cases to open: numbers and ids from the list itself
    engineer = sign_in("engineer7")
    cases = timed(desk, "GET", "/api/tickets?status=IN_PROGRESS&size=100")[2].json()
    open_ids = [c["id"] for c in cases["content"]]
    closed = timed(desk, "GET", "/api/tickets?status=CLOSED&size=100&page=50")[2].json()
    numbers = [c["number"] for c in closed["content"]] + [c["number"] for c in cases["content"]]
    sites = [s["id"] for s in timed(desk, "GET", "/api/sites")[2].json()][:400]
    print(f"{BASE}, {RUNS} runs each, one client", file=sys.stderr)

    measure("desk inbox (GET /api/tasks)", get(desk, lambda: "/api/tasks"))
    measure("engineer inbox (GET /api/tasks)", get(engineer, lambda: "/api/tasks"))
    # what the inbox page asks for since ADR 0063: a page of 20 with the count of the whole inbox
    measure("desk inbox page (20, counted)", get(desk, lambda: "/api/tasks/page?page=0&size=20"))
    measure("engineer inbox page (20, counted)", get(engineer, lambda: "/api/tasks/page?page=0&size=20"))
    measure("list: open, newest first", get(desk, lambda: "/api/tickets?status=IN_PROGRESS&page=0&size=20"))
    measure("list: level 1", get(desk, lambda: "/api/tickets?level=1&page=0&size=20"))
    measure("list: site (customer's)", get(desk, lambda: f"/api/tickets?siteId={rnd.choice(sites)}&page=0&size=20"))
    measure("list: a month, closed", get(desk, lambda: "/api/tickets?status=CLOSED&from=2026-06-01&to=2026-06-30&page=0&size=20"))
    measure("list: level+status+channel+month", get(desk, lambda: "/api/tickets?level=2&status=CLOSED&channel=WEB"
                                                            "&from=2026-03-01&to=2026-03-31&page=0&size=20"))
    measure("list: engineer's cases", get(desk, lambda: f"/api/tickets?assignee=engineer{rnd.randint(1, 300)}&page=0&size=20"))
    measure("list: overdue", get(desk, lambda: "/api/tickets?overdue=true&page=0&size=20"))
    measure("search: case number", get(desk, lambda: f"/api/tickets?q={rnd.choice(numbers)}&page=0&size=20"))
    measure("search: phrase 无图像", get(desk, lambda: "/api/tickets?q=无图像&page=0&size=20"))
    measure("search: word 黑屏", get(desk, lambda: "/api/tickets?q=黑屏&page=0&size=20"))
    measure("search: place+device 北门卡口球机", get(desk, lambda: "/api/tickets?q=北门卡口球机&page=0&size=20"))
    measure("search: phone number", get(desk, lambda: f"/api/tickets?q={caller_phone(rnd.randrange(20000))}&page=0&size=20"))
    measure("board: first page (50)", get(supervisor, lambda: "/api/sla/board?page=0&size=50"))
    measure("board: overdue filter", get(supervisor, lambda: "/api/sla/board?risk=OVERDUE&page=0&size=50"))
    measure("board: level 1, page 3", get(supervisor, lambda: "/api/sla/board?level=1&page=3&size=50"))

    def case_page():
        case = rnd.choice(open_ids)
        total, size = 0.0, 0
        for part in ("", "/clocks", "/deliveries", "/conversation", "/attachments"):
            ms, n, _ = timed(desk, "GET", f"/api/tickets/{case}{part}")
            total += ms
            size += n
        return total, size
    measure("case page (5 requests)", case_page)
    measure("case: GET /api/tickets/{id}", get(desk, lambda: f"/api/tickets/{rnd.choice(open_ids)}"))

    def intake():
        body = {"channel": "HOTLINE", "requesterName": "基准 报修人", "requesterPhone": "13800000077", "siteId": rnd.choice(sites),
                "impact": "MEDIUM", "urgency": "MEDIUM", "title": "基准 摄像机无图像", "description": "benchmark intake"}
        ms, size, _ = timed(desk, "POST", "/api/tickets", json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
        return ms, size
    measure("intake (POST /api/tickets)", intake)

    print(f"{'request':36} {'p50_ms':>7} {'p95_ms':>7} {'max_ms':>7} {'body_kB':>8}")
    for name, p50, p95, mx, size in rows:
        print(f"{name:36} {p50:7.0f} {p95:7.0f} {mx:7.0f} {size / 1024:8.1f}")


if __name__ == "__main__":
    main()
