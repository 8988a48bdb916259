// Ambient declarations for the bpmn.io packages that ship no TypeScript types. Only what this app
// uses is declared; moddle elements stay `any`, as in bpmnlint's own types.

declare module 'bpmnlint' {
  import type { Config, Resolver } from 'bpmnlint/lib/types';

  export type LintReport = { id?: string; message: string; category: string; [key: string]: unknown };

  export class Linter {
    constructor(options: { config?: Config; resolver: Resolver });
    lint(moddleRoot: unknown, config?: Config): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from 'bpmnlint/lib/types';

  const rule: RuleFactory;
  export default rule;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: any;
  export default lintModule;
}

declare module 'bpmn-js-properties-panel' {
  type Module = any;
  export const BpmnPropertiesPanelModule: Module;
  export const BpmnPropertiesProviderModule: Module;
  export const CamundaPlatformPropertiesProviderModule: Module;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const behaviors: any;
  export default behaviors;
}

declare module 'dmn-js/lib/Modeler' {
  export interface DmnView {
    id: string;
    name?: string;
    type: 'drd' | 'decisionTable' | 'literalExpression' | string;
    element: unknown;
  }

  export interface DmnViewer {
    get<T = unknown>(name: string): T;
  }

  export default class DmnModeler {
    constructor(options?: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: string, callback: (event: any) => void): void;
    destroy(): void;
  }
}

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: any; warnings: unknown[] }>;
  }
}
