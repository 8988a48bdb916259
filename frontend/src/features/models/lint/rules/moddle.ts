// Small helpers over moddle elements (the parsed BPMN tree bpmnlint walks). Elements are untyped,
// as in bpmnlint's own typings.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bpmnlint hands over untyped moddle trees
export type ModdleElement = any;

export function is(element: ModdleElement, type: string): boolean {
  return !!element && typeof element.$instanceOf === 'function' && element.$instanceOf(type);
}

/** A string attribute, trimmed; '' when missing. Works for known and unknown (`$attrs`) attributes. */
export function attr(element: ModdleElement, name: string): string {
  if (!element) return '';
  let value: unknown;
  try {
    value = typeof element.get === 'function' ? element.get(name) : undefined;
  } catch {
    value = undefined;
  }
  if (value === undefined && element.$attrs) value = element.$attrs[name];
  return typeof value === 'string' ? value.trim() : '';
}

const SIMPLE_TYPES = ['String', 'Boolean', 'Integer', 'Real'];

export interface Nested {
  element: ModdleElement;
  /** Containing elements from the start of the walk down to (excluding) `element`. */
  ancestors: ModdleElement[];
}

/**
 * Every element contained in `root` (root included), depth first, following the same contained,
 * non-reference properties bpmnlint's traversal follows.
 */
export function nested(root: ModdleElement): Nested[] {
  const found: Nested[] = [];
  const visit = (element: ModdleElement, ancestors: ModdleElement[]) => {
    if (!element || !element.$descriptor) return;
    found.push({ element, ancestors });
    if (element.$descriptor.isGeneric) return;
    const chain = [...ancestors, element];
    for (const property of element.$descriptor.properties ?? []) {
      if (property.isAttr || property.isReference || SIMPLE_TYPES.includes(property.type)) continue;
      const value = element[property.name];
      if (value === undefined || value === null) continue;
      if (property.isMany) (value as ModdleElement[]).forEach((child) => visit(child, chain));
      else visit(value, chain);
    }
  };
  visit(root, []);
  return found;
}

/** Elements inside a flow element's (or process's) `<bpmn:extensionElements>`. */
export function inExtensions(owner: ModdleElement): Nested[] {
  return owner?.extensionElements ? nested(owner.extensionElements).slice(1) : [];
}

/**
 * Whether a node is something a finding is reported on: a BPMN element with an id. Event
 * definitions are not: their event reports them, so the finding lands on a shape of the diagram.
 */
export function isReportable(node: ModdleElement): boolean {
  return (
    is(node, 'bpmn:BaseElement') && !is(node, 'bpmn:EventDefinition') && typeof node.id === 'string' && node.id !== ''
  );
}

/** A short description of where a listener or mapping sits, for messages. */
export function describeContainer(ancestors: ModdleElement[]): string {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (is(a, 'camunda:ExecutionListener')) return 'an execution listener';
    if (is(a, 'camunda:TaskListener')) return 'a task listener';
    if (is(a, 'camunda:Connector')) return 'a connector';
    if (is(a, 'camunda:InputOutput')) return 'an input/output mapping';
  }
  return 'an extension element';
}
