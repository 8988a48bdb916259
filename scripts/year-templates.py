#!/usr/bin/env python3
"""The template cases scripts/generate-year.sh copies onto a generated year (docs/adr/0059).

  scripts/year-templates.py <base url>         e.g. http://127.0.0.1:8080

Against the application started once on the empty database with --spring.profiles.active=postgres,demo (the demo
already holds a fault at an engineer's check-in and closed consultations): reports, as the desk, a fault that stays
at first-line resolution and a consultation that is answered and waits at the callback.
"""
import sys
import uuid

import requests

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"

desk = requests.Session()
desk.get(BASE + "/api/me")
desk.post(BASE + "/api/session", json={"username": "desk", "password": "demo"},
          headers={"X-XSRF-TOKEN": desk.cookies.get("XSRF-TOKEN", "")}).raise_for_status()
desk.get(BASE + "/api/me")
desk.headers["X-XSRF-TOKEN"] = desk.cookies.get("XSRF-TOKEN", "")
site = desk.get(BASE + "/api/sites").json()[0]["id"]


def report(title, request_type):
    body = {"channel": "HOTLINE", "requesterName": "模板 报修人", "requesterPhone": "13800000099", "siteId": site,
            "impact": "MEDIUM", "urgency": "MEDIUM", "title": title, "description": "年度数据模板", "requestType": request_type}
    r = desk.post(BASE + "/api/tickets", json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    r.raise_for_status()
    return r.json()["number"]


def complete(number, values):
    task = next(t for t in desk.get(BASE + "/api/tasks").json() if t.get("ticketNumber") == number)
    desk.post(BASE + f"/api/tasks/{task['id']}/complete", json=values).raise_for_status()


print("at the desk:", report("模板 摄像机无图像", "FAULT"))
callback = report("模板 咨询回放操作", "CONSULTATION")
complete(callback, {"deskNote": "已电话指导"})
print("at the callback:", callback)
