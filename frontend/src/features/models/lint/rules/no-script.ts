import type { Reporter, RuleFactory } from 'bpmnlint/lib/types';
import { describeContainer, inExtensions, is, isReportable, type ModdleElement } from './moddle';

/**
 * aftercare/no-script: the engine runs no scripts. Flags script tasks, `camunda:script` in
 * listeners and input/output mappings, and conditions written in a script language
 * (a `language` attribute on a sequence flow's or conditional event's expression).
 */
const noScript: RuleFactory = () => ({
  check(node: ModdleElement, reporter: Reporter) {
    if (!isReportable(node)) return;

    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(node.id, 'Script tasks are not allowed; use a service task with a delegate expression');
    }

    for (const { element, ancestors } of inExtensions(node)) {
      if (is(element, 'camunda:Script')) {
        const format = element.scriptFormat ? ` (${element.scriptFormat})` : '';
        reporter.report(
          node.id,
          `Script${format} in ${describeContainer(ancestors)} is not allowed; use an expression`,
        );
      }
    }

    const conditions: ModdleElement[] = [
      node.conditionExpression,
      ...((node.eventDefinitions ?? []) as ModdleElement[]).map((d) => d?.condition),
    ];
    for (const condition of conditions) {
      if (condition && typeof condition.language === 'string' && condition.language.trim() !== '') {
        reporter.report(
          node.id,
          `Condition in script language "${condition.language}" is not allowed; use a \${…} expression`,
        );
      }
    }
  },
});

export default noScript;
