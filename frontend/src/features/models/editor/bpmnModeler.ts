// bpmn-js Modeler with the Camunda 7 properties panel and live linting. Loaded lazily by the editor.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { bpmnlintConfig } from '../lint/config';
import { countIssues, type CanvasMarker, type CreateModeler, type ModelerHandle } from './modeler';

interface Canvas {
  addMarker(elementId: string, className: string): void;
  removeMarker(elementId: string, className: string): void;
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
  scrollToElement(element: unknown): void;
}

export const createBpmnModeler: CreateModeler = async ({ canvas, properties, xml, onChange, onLint }) => {
  const modeler = new BpmnModeler({
    container: canvas,
    propertiesPanel: properties ? { parent: properties } : undefined,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaPlatformBehaviors,
      lintModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
    linting: { bpmnlint: bpmnlintConfig, active: true },
  });

  const eventBus = modeler.get<{ on(event: string, cb: (e: never) => void): void }>('eventBus');
  eventBus.on('linting.completed', (e: { issues: Record<string, { category?: string }[]> }) =>
    onLint?.(countIssues(e.issues)),
  );

  let warnings: string[] = [];
  try {
    warnings = (await modeler.importXML(xml)).warnings.map(String);
  } catch (e) {
    modeler.destroy();
    throw e;
  }
  const diagram = modeler.get<Canvas>('canvas');
  diagram.zoom('fit-viewport', 'auto');
  eventBus.on('commandStack.changed', () => onChange());

  const registry = modeler.get<{ get(id: string): unknown }>('elementRegistry');
  const selection = modeler.get<{ select(element: unknown): void }>('selection');
  let markers: CanvasMarker[] = [];

  const handle: ModelerHandle = {
    async saveXML() {
      const { xml: out } = await modeler.saveXML({ format: true });
      return out ?? '';
    },
    selectElement(elementId) {
      const element = registry.get(elementId);
      if (!element) return false;
      selection.select(element);
      diagram.scrollToElement(element);
      return true;
    },
    setMarkers(next) {
      markers.forEach((m) => registry.get(m.elementId) && diagram.removeMarker(m.elementId, m.className));
      markers = next.filter((m) => registry.get(m.elementId));
      markers.forEach((m) => diagram.addMarker(m.elementId, m.className));
    },
    views: () => [],
    activeView: () => undefined,
    openView: async () => {},
    destroy: () => modeler.destroy(),
  };
  return { handle, warnings };
};
