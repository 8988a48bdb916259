import type { Reporter, RuleFactory } from 'bpmnlint/lib/types';
import { durationSeconds, hasExpression, isDateTime, parseCycle } from './iso8601';
import { inExtensions, is, isReportable, type ModdleElement } from './moddle';

/** Shortest repeat interval a timer cycle may have (seconds). */
export const MIN_CYCLE_SECONDS = 60;

/**
 * A Quartz cron cycle as the engine accepts it (6 or 7 fields, e.g. "0 30 8 1-10 * ?"): null when it fires at most
 * once a minute, a problem when its seconds field repeats, undefined when the value is not a cron at all. The
 * server's deployment guard (BpmnRules.cycleProblem) applies the same rule.
 */
export function cronProblem(value: string): string | null | undefined {
  const fields = value.trim().split(/\s+/);
  if (fields.length !== 6 && fields.length !== 7) return undefined;
  if (!fields.every((f) => /^[0-9A-Z*?/,#-]+$/.test(f))) return undefined;
  return /^\d{1,2}$/.test(fields[0])
    ? null
    : `Timer cycle "${value}" repeats more often than once a minute (cron seconds field "${fields[0]}")`;
}

/** What is wrong with one timer definition, or null when it is fine. */
export function timerProblem(timer: ModdleElement): string | null {
  const kinds = (['timeDate', 'timeDuration', 'timeCycle'] as const).filter((k) => timer?.[k]);
  if (kinds.length === 0) return 'Timer has no date, duration or cycle';
  if (kinds.length > 1) return `Timer has more than one of ${kinds.join(', ')}`;
  const kind = kinds[0];
  const value = typeof timer[kind].body === 'string' ? timer[kind].body.trim() : '';
  if (!value) return `Timer ${kind} is empty`;
  if (hasExpression(value)) return null;

  switch (kind) {
    case 'timeDate':
      return isDateTime(value)
        ? null
        : `Timer date "${value}" is not an ISO-8601 date-time (e.g. 2026-01-31T09:00:00+08:00)`;
    case 'timeDuration':
      return durationSeconds(value) !== null
        ? null
        : `Timer duration "${value}" is not an ISO-8601 duration (e.g. PT15M)`;
    case 'timeCycle': {
      const cron = cronProblem(value);
      if (cron !== undefined) return cron;
      const cycle = parseCycle(value);
      if (!cycle.ok) return `Timer cycle "${value}" is not an ISO-8601 repeating interval (e.g. R/PT1H or R3/PT10M)`;
      if (cycle.intervalSeconds < MIN_CYCLE_SECONDS) {
        return `Timer cycle "${value}" repeats more often than once a minute`;
      }
      return null;
    }
  }
}

/**
 * aftercare/timer-valid: timer events and task-listener timeouts need an ISO-8601 value or an
 * `${expression}`; a cycle must not repeat more often than once a minute.
 */
const timerValid: RuleFactory = () => ({
  check(node: ModdleElement, reporter: Reporter) {
    if (!isReportable(node)) return;
    const timers: ModdleElement[] = [
      ...((node.eventDefinitions ?? []) as ModdleElement[]),
      ...inExtensions(node).map((n) => n.element),
    ].filter((d) => is(d, 'bpmn:TimerEventDefinition'));
    for (const timer of timers) {
      const problem = timerProblem(timer);
      if (problem) reporter.report(node.id, problem);
    }
  },
});

export default timerValid;
