import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import type { Config } from 'bpmnlint/lib/types';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { bpmnlintConfig, lintConfig, lintResolver } from './config';
import { durationSeconds, isDateTime, parseCycle } from './rules/iso8601';

const moddle = new BpmnModdle({ camunda });

/** Parses a process body into a full definitions document and lints it. */
async function lint(processBody: string, config: Config) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    id="defs" targetNamespace="http://aftercare/test">
  <bpmn:process id="proc" isExecutable="true">${processBody}</bpmn:process>
</bpmn:definitions>`;
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  expect(warnings).toEqual([]);
  const results = await new Linter({ config, resolver: lintResolver }).lint(rootElement);
  return Object.values(results)
    .flat()
    .map((r) => ({ id: r.id, message: r.message, category: r.category }));
}

const only = (rule: string): Config => ({ rules: { [`aftercare/${rule}`]: 'error' } });

describe('aftercare/no-script', () => {
  const rule = only('no-script');

  it('flags script tasks, scripts in listeners and IO mappings, and conditions with a language', async () => {
    const reports = await lint(
      `
      <bpmn:scriptTask id="calc" scriptFormat="groovy"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>
      <bpmn:userTask id="review">
        <bpmn:extensionElements>
          <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">task.x</camunda:script></camunda:taskListener>
          <camunda:inputOutput>
            <camunda:inputParameter name="a"><camunda:script scriptFormat="groovy">1 + 1</camunda:script></camunda:inputParameter>
          </camunda:inputOutput>
        </bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:sequenceFlow id="flow" sourceRef="calc" targetRef="review">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">x == 1</bpmn:conditionExpression>
      </bpmn:sequenceFlow>`,
      rule,
    );
    expect(reports.map((r) => r.id)).toEqual(['calc', 'review', 'review', 'flow']);
    expect(reports[1].message).toContain('task listener');
    expect(reports[2].message).toContain('input/output mapping');
    expect(reports[3].message).toContain('groovy');
    expect(reports.every((r) => r.category === 'error')).toBe(true);
  });

  it('passes expressions in listeners, mappings and conditions', async () => {
    const reports = await lint(
      `
      <bpmn:userTask id="review">
        <bpmn:extensionElements>
          <camunda:taskListener event="create" delegateExpression="\${assignmentListener}" />
          <camunda:inputOutput><camunda:inputParameter name="a">\${ticket.level}</camunda:inputParameter></camunda:inputOutput>
        </bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:endEvent id="end" />
      <bpmn:sequenceFlow id="flow" sourceRef="review" targetRef="end">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${approved}</bpmn:conditionExpression>
      </bpmn:sequenceFlow>`,
      rule,
    );
    expect(reports).toEqual([]);
  });
});

describe('aftercare/no-java-class', () => {
  const rule = only('no-java-class');

  it('flags camunda:class on tasks, listeners and message definitions', async () => {
    const reports = await lint(
      `
      <bpmn:serviceTask id="notify" camunda:class="com.example.Notify" />
      <bpmn:userTask id="review">
        <bpmn:extensionElements>
          <camunda:executionListener event="end" class="com.example.Audit" />
        </bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:endEvent id="done">
        <bpmn:messageEventDefinition id="doneMessage" camunda:class="com.example.Send" />
      </bpmn:endEvent>`,
      rule,
    );
    expect(reports.map((r) => r.id)).toEqual(['notify', 'review', 'done']);
    expect(reports[0].message).toContain('com.example.Notify');
    expect(reports[1].message).toContain('execution listener');
  });

  it('passes delegate expressions', async () => {
    const reports = await lint(
      `
      <bpmn:serviceTask id="notify" camunda:delegateExpression="\${notifyDelegate}" />
      <bpmn:userTask id="review">
        <bpmn:extensionElements>
          <camunda:executionListener event="end" delegateExpression="\${auditListener}" />
        </bpmn:extensionElements>
      </bpmn:userTask>`,
      rule,
    );
    expect(reports).toEqual([]);
  });
});

describe('aftercare/timer-valid', () => {
  const rule = only('timer-valid');
  const timerEvent = (id: string, timer: string) =>
    `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition>${timer}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
  const value = (kind: string, text: string) =>
    `<bpmn:${kind} xsi:type="bpmn:tFormalExpression">${text}</bpmn:${kind}>`;

  it('flags missing, malformed and too frequent timers, also in task-listener timeouts', async () => {
    const reports = await lint(
      [
        timerEvent('empty', ''),
        timerEvent('badDuration', value('timeDuration', '15 minutes')),
        timerEvent('badDate', value('timeDate', '2026-13-01T09:00:00Z')),
        timerEvent('cron', value('timeCycle', '0/10 * * * * ?')),
        timerEvent('tooOften', value('timeCycle', 'R/PT30S')),
        `<bpmn:userTask id="withTimeout"><bpmn:extensionElements>
           <camunda:taskListener event="timeout" id="remind" delegateExpression="\${remind}">
             <bpmn:timerEventDefinition id="remindTimer">${value('timeCycle', 'R3/2026-01-01T00:00:00Z/PT10S')}</bpmn:timerEventDefinition>
           </camunda:taskListener>
         </bpmn:extensionElements></bpmn:userTask>`,
      ].join('\n'),
      rule,
    );
    expect(reports.map((r) => r.id)).toEqual(['empty', 'badDuration', 'badDate', 'cron', 'tooOften', 'withTimeout']);
    expect(reports[3].message).toContain('once a minute');
    expect(reports[4].message).toContain('once a minute');
    expect(reports[5].message).toContain('once a minute');
  });

  it('passes ISO-8601 values, expressions and cycles of a minute or more', async () => {
    const reports = await lint(
      [
        timerEvent('duration', value('timeDuration', 'PT15M')),
        timerEvent('date', value('timeDate', '2026-11-22T09:00:00+08:00')),
        timerEvent('cycle', value('timeCycle', 'R/PT1M')),
        timerEvent('boundedCycle', value('timeCycle', 'R5/2026-11-22T09:00:00Z/P1D')),
        timerEvent('expression', value('timeDuration', '${sla.responseTarget}')),
        timerEvent('cycleExpression', value('timeCycle', 'R/${reminderInterval}')),
        timerEvent('monthlyCron', value('timeCycle', '0 30 8 1-10 * ?')),
        timerEvent('everyFiveMinutesCron', value('timeCycle', '0 0/5 * * * ?')),
      ].join('\n'),
      rule,
    );
    expect(reports).toEqual([]);
  });
});

describe('aftercare/service-task-implementation', () => {
  const rule = only('service-task-implementation');

  it('flags service and send tasks without a delegate expression or an external topic', async () => {
    const reports = await lint(
      `
      <bpmn:serviceTask id="nothing" />
      <bpmn:serviceTask id="plainExpression" camunda:expression="\${mailer.send(ticket)}" />
      <bpmn:serviceTask id="externalNoTopic" camunda:type="external" />
      <bpmn:sendTask id="sendWithClass" camunda:class="com.example.Send" />`,
      rule,
    );
    expect(reports.map((r) => r.id)).toEqual(['nothing', 'plainExpression', 'externalNoTopic', 'sendWithClass']);
    expect(reports[1].message).toContain('camunda:expression');
    expect(reports[2].message).toContain('topic');
    expect(reports[3].message).toMatch(/^Send task/);
  });

  it('passes delegate expressions and external tasks with a topic', async () => {
    const reports = await lint(
      `
      <bpmn:serviceTask id="bean" camunda:delegateExpression="\${probeDelegate}" />
      <bpmn:serviceTask id="worker" camunda:type="external" camunda:topic="device-probe" />
      <bpmn:sendTask id="mail" camunda:delegateExpression="\${mailDelegate}" />
      <bpmn:userTask id="human" />`,
      rule,
    );
    expect(reports).toEqual([]);
  });
});

describe('the packed lint configuration', () => {
  it('resolves every configured rule and finds nothing in a clean model', async () => {
    const reports = await lint(
      `
      <bpmn:startEvent id="start" name="Ticket recorded"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
      <bpmn:serviceTask id="probe" name="Probe device" camunda:delegateExpression="\${probeDelegate}">
        <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      </bpmn:serviceTask>
      <bpmn:endEvent id="end" name="Done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="probe" />
      <bpmn:sequenceFlow id="f2" sourceRef="probe" targetRef="end" />`,
      // no-bpmndi would need a diagram; everything else from the real configuration.
      { rules: { ...lintConfig.rules, 'no-bpmndi': 'off' } },
    );
    expect(reports).toEqual([]);
  });

  it('serves bpmnlint and aftercare rules and rejects unknown ones', () => {
    expect(typeof lintResolver.resolveRule('bpmnlint', 'no-disconnected')).toBe('function');
    expect(typeof lintResolver.resolveRule('bpmnlint-plugin-aftercare', 'timer-valid')).toBe('function');
    expect(() => lintResolver.resolveRule('bpmnlint', 'no-such-rule')).toThrow(/unknown rule/);
    expect(bpmnlintConfig.config).toBe(lintConfig);
  });

  it('reports our rules through the full configuration', async () => {
    const reports = await lint(`<bpmn:scriptTask id="calc" />`, lintConfig);
    expect(reports.filter((r) => r.id === 'calc').map((r) => r.message)).toContainEqual(
      expect.stringContaining('Script tasks are not allowed'),
    );
  });
});

describe('ISO-8601 timer values', () => {
  it('measures durations', () => {
    expect(durationSeconds('PT15M')).toBe(900);
    expect(durationSeconds('P1DT1H')).toBe(90_000);
    expect(durationSeconds('PT0.5S')).toBe(0.5);
    expect(durationSeconds('P')).toBeNull();
    expect(durationSeconds('PT')).toBeNull();
    expect(durationSeconds('15M')).toBeNull();
  });

  it('recognises date-times and cycles', () => {
    expect(isDateTime('2026-11-22T06:00:00Z')).toBe(true);
    expect(isDateTime('2026-11-22')).toBe(true);
    expect(isDateTime('22.11.2026')).toBe(false);
    expect(parseCycle('R3/PT10M')).toEqual({ ok: true, intervalSeconds: 600 });
    expect(parseCycle('R/PT1H/2026-12-31T00:00:00Z')).toEqual({ ok: true, intervalSeconds: 3600 });
    expect(parseCycle('PT10M')).toEqual({ ok: false });
    expect(parseCycle('R/2026-01-01T00:00:00Z/2026-02-01T00:00:00Z')).toEqual({ ok: false });
  });
});
