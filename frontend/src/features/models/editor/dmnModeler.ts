// dmn-js Modeler, opened on the decision-table view. Loaded lazily by the editor.
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import DmnModeler, { type DmnView } from 'dmn-js/lib/Modeler';
import type { CreateModeler, ModelerHandle } from './modeler';

const viewName = (view: DmnView) => view.name || view.id;

export const createDmnModeler: CreateModeler = async ({ canvas, xml, onChange, onViews }) => {
  const modeler = new DmnModeler({ container: canvas });

  // Each view type (DRD, decision table, …) has its own viewer, created on first use.
  modeler.on('viewer.created', ({ viewer }: { viewer: { get<T>(name: string): T } }) => {
    viewer.get<{ on(event: string, cb: () => void): void }>('eventBus').on('commandStack.changed', () => onChange());
  });
  modeler.on('views.changed', () => onViews?.());

  let warnings: string[] = [];
  try {
    warnings = ((await modeler.importXML(xml)).warnings ?? []).map(String);
    const table = modeler.getViews().find((v) => v.type === 'decisionTable');
    if (table && modeler.getActiveView()?.id !== table.id) await modeler.open(table);
  } catch (e) {
    modeler.destroy();
    throw e;
  }

  const handle: ModelerHandle = {
    async saveXML() {
      const { xml: out } = await modeler.saveXML({ format: true });
      return out;
    },
    selectElement: () => false,
    setMarkers: () => {},
    views: () => modeler.getViews().map((v) => ({ id: v.id, name: viewName(v), type: v.type })),
    activeView: () => modeler.getActiveView()?.id,
    async openView(id) {
      const view = modeler.getViews().find((v) => v.id === id);
      if (view) await modeler.open(view);
    },
    destroy: () => modeler.destroy(),
  };
  return { handle, warnings };
};
