import type { Reporter, RuleFactory } from 'bpmnlint/lib/types';
import { attr, is, isReportable, type ModdleElement } from './moddle';

/**
 * aftercare/service-task-implementation: a service or send task is implemented either by a Spring
 * bean (`camunda:delegateExpression`) or by an external worker (`camunda:type="external"` with a
 * `camunda:topic`). Java classes, plain expressions and connectors are not used here.
 */
const serviceTaskImplementation: RuleFactory = () => ({
  check(node: ModdleElement, reporter: Reporter) {
    if (!isReportable(node) || !(is(node, 'bpmn:ServiceTask') || is(node, 'bpmn:SendTask'))) return;

    if (attr(node, 'camunda:delegateExpression')) return;

    if (attr(node, 'camunda:type') === 'external') {
      if (!attr(node, 'camunda:topic')) reporter.report(node.id, 'External task has no camunda:topic');
      return;
    }

    const kind = is(node, 'bpmn:SendTask') ? 'Send task' : 'Service task';
    const used = attr(node, 'camunda:class')
      ? ' (it uses camunda:class)'
      : attr(node, 'camunda:expression')
        ? ' (it uses camunda:expression)'
        : attr(node, 'camunda:type')
          ? ` (camunda:type="${attr(node, 'camunda:type')}" is not supported)`
          : '';
    reporter.report(node.id, `${kind} needs camunda:delegateExpression or camunda:type="external" with a topic${used}`);
  },
});

export default serviceTaskImplementation;
