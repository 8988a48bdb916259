import type { Reporter, RuleFactory } from 'bpmnlint/lib/types';
import { durationSeconds, hasExpression, isDateTime, parseCycle } from './iso8601';
import { inExtensions, is, isReportable, type ModdleElement } from './moddle';

/** Shortest repeat interval a timer cycle may have (seconds). */
export const MIN_CYCLE_SECONDS = 60;

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
