import type { Reporter, RuleFactory } from 'bpmnlint/lib/types';
import { attr, describeContainer, inExtensions, is, isReportable, type ModdleElement } from './moddle';

const ADVICE = 'use camunda:delegateExpression with a Spring bean instead';

/**
 * aftercare/no-java-class: Java classes named in the model (`camunda:class`,
 * `camunda:variableMappingClass`) bypass the application's beans and break when code moves.
 * Checked on the element itself, its message event definitions and its listeners.
 */
const noJavaClass: RuleFactory = () => ({
  check(node: ModdleElement, reporter: Reporter) {
    if (!isReportable(node)) return;

    if (attr(node, 'camunda:class')) {
      reporter.report(node.id, `camunda:class="${attr(node, 'camunda:class')}" is not allowed; ${ADVICE}`);
    }
    if (attr(node, 'camunda:variableMappingClass')) {
      reporter.report(
        node.id,
        `camunda:variableMappingClass is not allowed; use camunda:variableMappingDelegateExpression`,
      );
    }
    for (const definition of (node.eventDefinitions ?? []) as ModdleElement[]) {
      if (attr(definition, 'camunda:class')) {
        reporter.report(node.id, `camunda:class on the event's message definition is not allowed; ${ADVICE}`);
      }
    }
    for (const { element, ancestors } of inExtensions(node)) {
      const listener = is(element, 'camunda:ExecutionListener') || is(element, 'camunda:TaskListener');
      if (listener && attr(element, 'class')) {
        reporter.report(
          node.id,
          `camunda:class in ${describeContainer([...ancestors, element])} is not allowed; ${ADVICE}`,
        );
      }
    }
  },
});

export default noJavaClass;
