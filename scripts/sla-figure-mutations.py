#!/usr/bin/env python3
"""Changes figures of the shipped SLA policies in a scratch copy and names the test that catches each change.

Why: the figures in backend/src/main/resources/sla/policies/*.json are contract terms. A change to any of them
must fail a named row of ShippedPolicyFiguresTest; this script proves it (issue 11, docs/sla-figures.md).

How: for each batch, the working tree is copied to a scratch directory (the real files are never touched, so
nothing needs restoring), every mutation of the batch is applied there, the batch's test methods run once, and
each mutation is reported as "figure -> caught by <test>" when the row it belongs to failed, else "NOT CAUGHT".
Mutations of one batch touch different rows, so one run tells them apart; the escalation ladder, which one row
per policy covers, is mutated in five rotations, one figure per policy each.

Usage: scripts/sla-figure-mutations.py [batch ...]     (batches: targets, basis, ladder-1 .. ladder-5)
Needs: Maven with a warm local repository (runs offline), Python 3.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POLICY_DIR = "backend/src/main/resources/sla/policies"
POLICIES = ["THREE_LEVEL", "SIX_LEVEL", "CLASS_ABCD", "DESK_HOURS"]
TEST = "ShippedPolicyFiguresTest"
REPORT = "backend/target/surefire-reports/TEST-com.aftercare.sla.ShippedPolicyFiguresTest.xml"


def minutes(iso):
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", iso)
    if not m:
        raise ValueError("unexpected duration " + iso)
    return int(m.group(1) or 0) * 60 + int(m.group(2) or 0)


def later(iso):
    """The same target 7 minutes longer: small enough to be a plausible typo, big enough to move every due time."""
    return "PT%dM" % (minutes(iso) + 7)


class Mutation:
    def __init__(self, policy, path, describe, apply, caught_if):
        self.policy = policy
        self.path = path          # where in the file, for the report
        self.describe = describe  # old -> new
        self.apply = apply        # function(definition) changing it in place
        self.caught_if = caught_if  # text the failing row's assertion message carries


def load(policy, root=ROOT):
    with open(os.path.join(root, POLICY_DIR, policy + ".json"), encoding="utf-8") as f:
        return json.load(f)


def target_mutations():
    """Every level x clock target, every region target and every common clock, each 7 minutes (or a day) longer."""
    result = []
    for policy in POLICIES:
        definition = load(policy)
        for li, level in enumerate(definition["levels"]):
            for ci, spec in enumerate(level["clocks"]):
                key = "%s level %s %s (CITY) due" % (policy, level["code"], spec["clock"])
                path = "levels[code=%s].clocks[clock=%s]" % (level["code"], spec["clock"])
                if "workingDays" in spec:
                    old = spec["workingDays"]
                    result.append(Mutation(policy, path + ".workingDays", "%s -> %s" % (old, old + 1),
                                           lambda d, li=li, ci=ci, old=old: d["levels"][li]["clocks"][ci].update(workingDays=old + 1),
                                           key))
                else:
                    old = spec["target"]
                    result.append(Mutation(policy, path + ".target", "%s -> %s" % (old, later(old)),
                                           lambda d, li=li, ci=ci, old=old: d["levels"][li]["clocks"][ci].update(target=later(old)),
                                           key))
                for region, old in (spec.get("regionTargets") or {}).items():
                    result.append(Mutation(policy, path + ".regionTargets." + region, "%s -> %s" % (old, later(old)),
                                           lambda d, li=li, ci=ci, region=region, old=old:
                                           d["levels"][li]["clocks"][ci]["regionTargets"].update({region: later(old)}),
                                           "%s level %s %s (%s) due" % (policy, level["code"], spec["clock"], region)))
        for ci, spec in enumerate(definition["commonClocks"]):
            old = spec["target"]
            result.append(Mutation(policy, "commonClocks[clock=%s].target" % spec["clock"], "%s -> %s" % (old, later(old)),
                                   lambda d, ci=ci, old=old: d["commonClocks"][ci].update(target=later(old)),
                                   "%s %s due" % (policy, spec["clock"])))
    return result


def basis_mutations():
    """Working-time targets counted in natural time instead, and clocks dropped from or added to a level."""
    result = []
    for policy in POLICIES:
        definition = load(policy)
        for li, level in enumerate(definition["levels"]):
            for ci, spec in enumerate(level["clocks"]):
                if spec.get("basis") == "WORKING":
                    result.append(Mutation(policy, "levels[code=%s].clocks[clock=%s].basis" % (level["code"], spec["clock"]),
                                           "WORKING -> NATURAL",
                                           lambda d, li=li, ci=ci: d["levels"][li]["clocks"][ci].update(basis="NATURAL"),
                                           "%s level %s %s (CITY) due" % (policy, level["code"], spec["clock"])))

    def level_index(policy, code):
        return [l["code"] for l in load(policy)["levels"]].index(code)

    def drop(policy, code, clock):
        li = level_index(policy, code)
        return lambda d: d["levels"][li].update(clocks=[c for c in d["levels"][li]["clocks"] if c["clock"] != clock])

    result.append(Mutation("CLASS_ABCD", "levels[code=B].clocks[clock=SOLUTION_PLAN]", "removed",
                           drop("CLASS_ABCD", "B", "SOLUTION_PLAN"), "CLASS_ABCD level B clocks"))
    result.append(Mutation("THREE_LEVEL", "levels[code=1].clocks[clock=CONTINGENCY_PLAN]", "removed",
                           drop("THREE_LEVEL", "1", "CONTINGENCY_PLAN"), "THREE_LEVEL level 1 clocks"))
    d_index = level_index("CLASS_ABCD", "D")
    result.append(Mutation("CLASS_ABCD", "levels[code=D].clocks", "[] -> [RESPONSE PT72H]",
                           lambda d: d["levels"][d_index]["clocks"].append({"clock": "RESPONSE", "target": "PT72H"}),
                           "CLASS_ABCD level D clocks"))
    result.append(Mutation("SIX_LEVEL", "levels[code=5].clocks[clock=CONTINGENCY_PLAN]", "removed",
                           drop("SIX_LEVEL", "5", "CONTINGENCY_PLAN"), "SIX_LEVEL level 5 clocks"))
    return result


LADDER_FIGURES = [
    ("escalation[name=WARNING].percent", "75 -> 70", lambda d: d["escalation"][0].update(percent=70)),
    ("escalation[name=BREACH].percent", "100 -> 105", lambda d: d["escalation"][1].update(percent=105)),
    ("escalation[name=BREACH].repeat", "PT1H -> PT50M", lambda d: d["escalation"][1].update(repeat="PT50M")),
    ("escalation[name=HEAD].percent", "150 -> 160", lambda d: d["escalation"][2].update(percent=160)),
    ("escalation[name=HEAD].repeat", "PT4H -> PT3H", lambda d: d["escalation"][2].update(repeat="PT3H")),
]


def ladder_mutations(rotation):
    """One ladder figure per policy (one escalation row each), rotated so five runs change every figure of every policy."""
    result = []
    for i, policy in enumerate(POLICIES):
        path, describe, apply = LADDER_FIGURES[(i + rotation) % len(LADDER_FIGURES)]
        result.append(Mutation(policy, path, describe, apply, policy + ":"))
    return result


BATCHES = {
    "targets": (target_mutations, "levelClockIsDueWhenTheContractSays+commonClockIsDueWhenTheContractSays"),
    "basis": (basis_mutations, "levelClockIsDueWhenTheContractSays+eachLevelRunsItsOwnClocksAndTheServiceDeskOnes"),
}
for r in range(len(LADDER_FIGURES)):
    BATCHES["ladder-%d" % (r + 1)] = (lambda r=r: ladder_mutations(r), "escalationLadderFiresAtItsShareOfEachClock")


def failures(scratch):
    """(test name, assertion message) of every failed or erroring row of the run."""
    path = os.path.join(scratch, REPORT)
    if not os.path.exists(path):
        return None
    result = []
    for case in ET.parse(path).getroot().iter("testcase"):
        for problem in list(case.findall("failure")) + list(case.findall("error")):
            result.append((case.get("name"), (problem.get("message") or problem.text or "").strip()))
    return result


def run_batch(name):
    make, methods = BATCHES[name]
    mutations = make()
    scratch = tempfile.mkdtemp(prefix="sla-figures-" + name + "-")
    try:
        shutil.copytree(ROOT, scratch, dirs_exist_ok=True, symlinks=True,
                        ignore=shutil.ignore_patterns("node_modules", ".git"))
        by_policy = {}
        for m in mutations:
            by_policy.setdefault(m.policy, load(m.policy, scratch))
            m.apply(by_policy[m.policy])
        for policy, definition in by_policy.items():
            with open(os.path.join(scratch, POLICY_DIR, policy + ".json"), "w", encoding="utf-8") as f:
                json.dump(definition, f, indent=2, ensure_ascii=False)
        report = os.path.join(scratch, REPORT)
        if os.path.exists(report):
            os.remove(report)
        command = ["mvn", "-B", "-o", "-q", "-pl", "backend", "-am", "-Dskip.npm", "test",
                   "-Dtest=%s#%s" % (TEST, methods), "-Dsurefire.failIfNoSpecifiedTests=false"]
        subprocess.run(command, cwd=scratch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        failed = failures(scratch)
        print("## batch %s (%d figures changed at once; %s)" % (name, len(mutations), methods))
        if failed is None:
            print("   the test run produced no report: build failed before the tests ran")
            for m in mutations:
                print("%s %s %s -> NOT CAUGHT (no test run)" % (m.policy, m.path, m.describe))
            return False
        attributed = set()
        all_caught = True
        for m in mutations:
            hits = [(test, message) for test, message in failed if m.caught_if in message]
            if hits:
                test, message = hits[0]
                attributed.update(t for t, _ in hits)
                first_line = message.splitlines()[0] if message else ""
                print("%s %s %s -> caught by %s.%s %s" % (m.policy, m.path, m.describe, TEST, test, first_line))
            else:
                all_caught = False
                print("%s %s %s -> NOT CAUGHT" % (m.policy, m.path, m.describe))
        for test, message in failed:
            if test not in attributed:
                print("   also failed: %s.%s %s" % (TEST, test, message.splitlines()[0] if message else ""))
        return all_caught
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(names):
    names = names or list(BATCHES)
    unknown = [n for n in names if n not in BATCHES]
    if unknown:
        sys.exit("unknown batch %s; one of %s" % (unknown, list(BATCHES)))
    ok = True
    for name in names:
        ok = run_batch(name) and ok
        sys.stdout.flush()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
