// What the editor page needs from a modeler, whether bpmn-js (processes) or dmn-js (decisions).
// The implementations live in bpmnModeler.ts and dmnModeler.ts and are loaded on demand, so each
// library lands in its own chunk.

export interface LintCounts {
  errors: number;
  warnings: number;
}

export interface CanvasMarker {
  elementId: string;
  className: string;
}

export interface ModelerView {
  id: string;
  name: string;
  type: string;
}

export interface ModelerHandle {
  /** The model as edited now. */
  saveXML(): Promise<string>;
  /** Selects and reveals a diagram element; false if there is no such element on the canvas. */
  selectElement(elementId: string): boolean;
  /** Replaces the markers (CSS classes on diagram elements) this handle set before. */
  setMarkers(markers: CanvasMarker[]): void;
  /** Views to switch between (decision tables of a DMN file); empty when there is one canvas. */
  views(): ModelerView[];
  activeView(): string | undefined;
  openView(id: string): Promise<void>;
  destroy(): void;
}

export interface ModelerOptions {
  canvas: HTMLElement;
  /** Where the properties panel goes (BPMN only). */
  properties?: HTMLElement | null;
  xml: string;
  /** Called on every edit (and undo/redo). */
  onChange: () => void;
  /** Called after each lint run (BPMN only). */
  onLint?: (counts: LintCounts) => void;
  /** Called when the views change (DMN). */
  onViews?: () => void;
}

export type CreateModeler = (options: ModelerOptions) => Promise<{ handle: ModelerHandle; warnings: string[] }>;

/** Counts bpmn-js-bpmnlint's issues (keyed by element id) by category. */
export function countIssues(issues: Record<string, { category?: string }[]> | undefined): LintCounts {
  let errors = 0;
  let warnings = 0;
  Object.values(issues ?? {}).forEach((list) =>
    list.forEach((issue) => {
      if (issue.category === 'error' || issue.category === 'rule-error') errors++;
      else if (issue.category === 'warn') warnings++;
    }),
  );
  return { errors, warnings };
}
