#!/usr/bin/env python3
"""Writes the backend's test run times in the format of Surefire's run statistics (ADR 0067).

  scripts/test-run-times.py [reports dir] > backend/src/test/run-times.txt
  (default reports dir: backend/target/surefire-reports, from a whole `mvn verify`)

Surefire hands the test classes to its two JVMs longest first (runOrder "balanced"), reading the times of an earlier
run from backend/.surefire-ci, which the build copies from backend/src/test/run-times.txt. Without this file a fresh
clone runs the classes in file order, and a long class (the browser scripts, the crash test) that starts late keeps
one JVM busy after the other has finished. Refresh the file when a class's time changes a lot.
Each line: successful builds, milliseconds, class, and the class's simple name where surefire keeps a test's.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

reports = sys.argv[1] if len(sys.argv) > 1 else "backend/target/surefire-reports"
files = sorted(glob.glob(os.path.join(reports, "TEST-*.xml")))
if not files:
    sys.exit(f"no TEST-*.xml in {reports}: run the tests first")
lines = []
for path in files:
    suite = ET.parse(path).getroot()
    # the whole class, start-up included (a Spring context, child JVMs in @BeforeAll): surefire adds up a class's
    # lines to rank it, and one line a class keeps parameterized tests' names (with commas) out of the file
    ms = round(float(suite.get("time", "0")) * 1000)
    name = suite.get("name")
    lines.append((ms, f"1,{ms},{name},{name.rsplit('.', 1)[-1]}"))
for _, line in sorted(lines):
    print(line)
