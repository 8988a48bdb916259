import type { TFunction } from 'i18next';
import type { FormField, FormFieldOption, Me, Task } from '../../api/types';

export type Widget =
  'yesNo' | 'switch' | 'select' | 'engineer' | 'number' | 'date' | 'textarea' | 'input' | FieldStepWidget;

/** Field-step inputs chosen by the BPMN property `widget` (photos: ids, location: JSON, signature: an id). */
export type FieldStepWidget = 'photos' | 'location' | 'signature';
const FIELD_STEP_WIDGETS: readonly string[] = ['photos', 'location', 'signature'] satisfies FieldStepWidget[];

/** Camunda keeps string variables in a varchar(4000) column; used when the field states no limit. */
export const STRING_MAX_LENGTH = 4000;

export function maxLengthOf(field: FormField): number {
  return field.maxLength ?? STRING_MAX_LENGTH;
}

/**
 * Picks the input for a task form field. A required yes/no question gets two radio buttons
 * with nothing preselected, so the user has to answer it instead of leaving a switch "off".
 */
export function widgetFor(field: FormField): Widget {
  if (field.properties?.lookup === 'engineer') return 'engineer';
  const chosen = field.properties?.widget;
  if (chosen && FIELD_STEP_WIDGETS.includes(chosen)) return chosen as FieldStepWidget;
  switch (field.type) {
    case 'boolean':
      return field.required ? 'yesNo' : 'switch';
    case 'enum':
      return 'select';
    case 'long':
      return 'number';
    case 'date':
      return 'date';
    default:
      return field.properties?.multiline === 'true' ? 'textarea' : 'input';
  }
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function toNumber(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Form start values from the BPMN defaults, which may arrive as strings ("true", "5"). */
export function initialValues(fields: FormField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const widget = widgetFor(field);
    const raw = field.defaultValue;
    if (widget === 'switch') values[field.id] = toBoolean(raw) ?? false;
    else if (widget === 'yesNo') values[field.id] = toBoolean(raw);
    else if (widget === 'number' || widget === 'signature') values[field.id] = toNumber(raw);
    else if (raw !== null && raw !== undefined && widget !== 'date') values[field.id] = String(raw);
  }
  return values;
}

/**
 * The flat object posted to /complete: only declared fields, typed as the process expects,
 * blank optional strings left out so they do not overwrite earlier values with "".
 */
export function toSubmitValues(fields: FormField[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.id];
    switch (widgetFor(field)) {
      case 'switch':
        out[field.id] = toBoolean(value) ?? false;
        break;
      case 'yesNo': {
        const b = toBoolean(value);
        if (b !== undefined) out[field.id] = b;
        break;
      }
      case 'number': {
        const n = toNumber(value);
        if (n !== undefined) out[field.id] = Math.trunc(n);
        break;
      }
      case 'signature': {
        // a long variable: the signature's attachment id; a drawing kept without signal is a placeholder
        // (`pending:<key>`) the outbox replaces by the id once it is uploaded
        if (typeof value === 'string' && value.startsWith('pending:')) {
          out[field.id] = value;
          break;
        }
        const n = toNumber(value);
        if (n !== undefined) out[field.id] = Math.trunc(n);
        break;
      }
      case 'date':
        if (value && typeof (value as { format?: unknown }).format === 'function') {
          out[field.id] = (value as { format: (f: string) => string }).format('YYYY-MM-DD');
        }
        break;
      default:
        if (typeof value === 'string' && value.trim() !== '') out[field.id] = value.trim();
        else if (value !== undefined && value !== null && typeof value !== 'string') out[field.id] = value;
    }
  }
  return out;
}

export function fieldLabel(t: TFunction, field: FormField): string {
  return t(`form.${field.id}`, { defaultValue: field.label || field.id });
}

export function optionLabel(t: TFunction, field: FormField, option: FormFieldOption): string {
  return t(`option.${field.id}.${option.id}`, { defaultValue: option.name || option.id });
}

export function taskName(t: TFunction, task: Pick<Task, 'key' | 'name'>): string {
  return t(`task.${task.key}`, { defaultValue: task.name || task.key });
}

/** Whether the signed-in user may work on a task: it is theirs, or unclaimed and offered to one of their roles. */
export function canActOn(task: Pick<Task, 'assignee' | 'candidateGroups' | 'actionable'>, me: Me | null): boolean {
  if (!me) return false;
  if (typeof task.actionable === 'boolean') return task.actionable;
  if (task.assignee) return task.assignee === me.username;
  return (task.candidateGroups ?? []).some((g) => (me.roles as string[]).includes(g));
}
