import { describe, expect, it } from 'vitest';
import type { FormField, Me } from '../../api/types';
import { canActOn, initialValues, toSubmitValues, widgetFor } from './formFields';

const field = (over: Partial<FormField>): FormField => ({
  id: 'f',
  label: 'F',
  type: 'string',
  required: false,
  ...over,
});

describe('widgetFor', () => {
  it('maps each field type to its input', () => {
    expect(widgetFor(field({ type: 'boolean', required: true }))).toBe('yesNo');
    expect(widgetFor(field({ type: 'boolean' }))).toBe('switch');
    expect(widgetFor(field({ type: 'enum', options: [{ id: 'A', name: 'A' }] }))).toBe('select');
    expect(widgetFor(field({ type: 'long' }))).toBe('number');
    expect(widgetFor(field({ type: 'date' }))).toBe('date');
    expect(widgetFor(field({}))).toBe('input');
    expect(widgetFor(field({ properties: { multiline: 'true' } }))).toBe('textarea');
    expect(widgetFor(field({ properties: { multiline: 'false' } }))).toBe('input');
    expect(widgetFor(field({ properties: { lookup: 'engineer' } }))).toBe('engineer');
  });
});

describe('form values', () => {
  const fields: FormField[] = [
    field({ id: 'solvedAtDesk', type: 'boolean', required: true }),
    field({ id: 'vehicleNeeded', type: 'boolean', defaultValue: 'true' }),
    field({ id: 'count', type: 'long', defaultValue: '5' }),
    field({ id: 'category', type: 'enum', defaultValue: 'DEFECT' }),
    field({ id: 'note', properties: { multiline: 'true' } }),
  ];

  it('start from the BPMN defaults, leaving a required yes/no unanswered', () => {
    expect(initialValues(fields)).toEqual({
      solvedAtDesk: undefined,
      vehicleNeeded: true,
      count: 5,
      category: 'DEFECT',
    });
  });

  it('are posted typed, without blank strings or undeclared keys', () => {
    const posted = toSubmitValues(fields, {
      solvedAtDesk: false,
      vehicleNeeded: undefined,
      count: 3.7,
      category: 'CONSULTATION',
      note: '   ',
      stray: 'x',
    });
    expect(posted).toEqual({ solvedAtDesk: false, vehicleNeeded: false, count: 3, category: 'CONSULTATION' });
    expect(toSubmitValues(fields, { note: '  cable loose ' })).toMatchObject({ note: 'cable loose' });
  });
});

describe('canActOn', () => {
  const desk: Me = { username: 'desk', displayName: 'Desk', roles: ['SERVICE_DESK'] };
  it('allows own tasks and unclaimed tasks offered to one of my roles', () => {
    expect(canActOn({ assignee: 'desk', candidateGroups: [] }, desk)).toBe(true);
    expect(canActOn({ assignee: null, candidateGroups: ['SERVICE_DESK'] }, desk)).toBe(true);
    expect(canActOn({ assignee: 'other', candidateGroups: ['SERVICE_DESK'] }, desk)).toBe(false);
    expect(canActOn({ assignee: null, candidateGroups: ['ENGINEER'] }, desk)).toBe(false);
    expect(canActOn({ assignee: null, candidateGroups: ['SERVICE_DESK'] }, null)).toBe(false);
  });

  it('follows the server verdict when there is one', () => {
    expect(canActOn({ assignee: null, candidateGroups: ['SERVICE_DESK'], actionable: false }, desk)).toBe(false);
    expect(canActOn({ assignee: 'other', candidateGroups: [], actionable: true }, desk)).toBe(true);
  });
});

describe('field-step widgets (BPMN property `widget`)', () => {
  it('are chosen by the property; an unknown value keeps the type’s input', () => {
    expect(widgetFor(field({ properties: { widget: 'photos' } }))).toBe('photos');
    expect(widgetFor(field({ properties: { widget: 'location' } }))).toBe('location');
    expect(widgetFor(field({ type: 'long', properties: { widget: 'signature' } }))).toBe('signature');
    expect(widgetFor(field({ properties: { widget: 'map' } }))).toBe('input');
    expect(widgetFor(field({ properties: { widget: 'location', multiline: 'true' } }))).toBe('location');
  });

  it('post photo ids and location as strings, the signature as a number, and leave empty ones out', () => {
    const fields = [
      field({ id: 'photos', properties: { widget: 'photos' } }),
      field({ id: 'where', properties: { widget: 'location' } }),
      field({ id: 'sig', type: 'long', properties: { widget: 'signature' } }),
    ];
    expect(toSubmitValues(fields, { photos: '3,4', where: '{"lat":1,"lng":2,"accuracy":3}', sig: 9 })).toEqual({
      photos: '3,4',
      where: '{"lat":1,"lng":2,"accuracy":3}',
      sig: 9,
    });
    expect(toSubmitValues(fields, { photos: '', where: '', sig: null })).toEqual({});
    expect(
      initialValues([field({ id: 'sig', type: 'long', defaultValue: '9', properties: { widget: 'signature' } })]),
    ).toEqual({ sig: 9 });
  });
});
