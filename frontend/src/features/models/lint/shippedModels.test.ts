// BPMN lint in the build: every model shipped in bpmn/models passes the editor's lint config with no
// error, so a process owner who opens one in the workbench starts from a clean model.
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { lintConfig, lintResolver } from './config';

// the files themselves, read at test time by Vite (path relative to this file)
const shipped = import.meta.glob('../../../../../bpmn/models/*.bpmn', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const files = Object.keys(shipped).map((path) => path.slice(path.lastIndexOf('/') + 1));
const xmlOf = (file: string) => shipped[Object.keys(shipped).find((path) => path.endsWith(`/${file}`))!];

describe('shipped BPMN models', () => {
  it('are all found', () => {
    expect(files).toEqual(expect.arrayContaining(['dispatch.bpmn', 'fault-intake.bpmn', 'escalation.bpmn']));
  });

  it.each(files)('%s has no lint errors', async (file) => {
    const moddle = new BpmnModdle({ camunda });
    const { rootElement, warnings } = await moddle.fromXML(xmlOf(file), 'bpmn:Definitions');
    expect(warnings).toEqual([]);
    const results = await new Linter({ config: lintConfig, resolver: lintResolver }).lint(rootElement);
    const errors = Object.entries(results).flatMap(([rule, reports]) =>
      reports.filter((r) => r.category === 'error').map((r) => `${rule} at ${r.id}: ${r.message}`),
    );
    expect(errors).toEqual([]);
  });
});
