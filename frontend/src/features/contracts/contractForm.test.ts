import { describe, expect, it } from 'vitest';
import { formValues, toPayload, workingHoursProblems } from './contractForm';

describe('office hours', () => {
  it("accept the contracts' windows and the default ones", () => {
    expect(
      workingHoursProblems([
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:00' },
      ]),
    ).toEqual([]);
    expect(workingHoursProblems(formValues(undefined).workingHours)).toEqual([]);
    expect(workingHoursProblems([{ from: '00:00', to: '24:00' }])).toEqual([]);
  });

  it('name the box that is wrong, as the server does', () => {
    const problems = (hours: { from: string; to: string }[]) =>
      workingHoursProblems(hours).map((p) => `${p.index}.${p.end ?? ''}:${p.key}`);
    expect(
      problems([
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '12:00' },
      ]),
    ).toEqual(['1.to:contracts.hoursEndBeforeStart']);
    expect(problems([{ from: '8:30', to: '25:00' }])).toEqual([
      '0.from:contracts.hoursBadTime',
      '0.to:contracts.hoursBadTime',
    ]);
    expect(
      problems([
        { from: '08:30', to: '12:00' },
        { from: '11:00', to: '17:00' },
      ]),
    ).toEqual(['1.from:contracts.hoursOverlap']);
    expect(problems([])).toEqual(['-1.:contracts.hoursAtLeastOne']);
    expect(problems(Array.from({ length: 7 }, (_, i) => ({ from: `0${i}:00`, to: `0${i}:30` })))).toEqual([
      '-1.:contracts.hoursTooMany',
    ]);
  });
});

describe('the PUT body', () => {
  const contract = {
    id: 1,
    customerId: 7,
    name: 'O&M 2026',
    policyCode: 'DESK_HOURS',
    calendar: 'FIVE_BY_8' as const,
    zone: 'Asia/Shanghai',
    deskLead: 'desk',
    projectManager: null,
    seniorEngineer: null,
    departmentHead: null,
    notifyEmail: true,
    workingHours: [
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:00' },
    ],
    language: 'en' as const,
    wecomWebhookSet: true,
    dingtalkWebhookSet: true,
    dingtalkSecretSet: false,
  };

  it('leaves stored webhook values out, sends "" to clear one and the new value to replace one', () => {
    const values = formValues(contract);
    expect(toPayload(values)).toEqual({
      name: 'O&M 2026',
      policyCode: 'DESK_HOURS',
      calendar: 'FIVE_BY_8',
      zone: 'Asia/Shanghai',
      deskLead: 'desk',
      projectManager: null,
      seniorEngineer: null,
      departmentHead: null,
      notifyEmail: true,
      language: 'en',
      planLevels: [],
      surveySamplePercent: 3,
      workingHours: [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:00' },
      ],
    });
    const edited = toPayload({
      ...values,
      wecomWebhookUrl: { mode: 'clear' },
      dingtalkWebhookUrl: { mode: 'replace', value: ' https://oapi.dingtalk.com/robot/send?access_token=x ' },
      dingtalkSecret: { mode: 'replace', value: '' },
    });
    expect(edited.wecomWebhookUrl).toBe('');
    expect(edited.dingtalkWebhookUrl).toBe('https://oapi.dingtalk.com/robot/send?access_token=x');
    expect('dingtalkSecret' in edited).toBe(false);
  });

  it("sends the contract's callback sample percentage (CB-1), 3 % unless it says otherwise", () => {
    expect(toPayload(formValues(undefined)).surveySamplePercent).toBe(3);
    expect(toPayload(formValues({ ...contract, surveySamplePercent: 5 })).surveySamplePercent).toBe(5);
    expect('surveySamplePercent' in toPayload({ ...formValues(contract), surveySamplePercent: null })).toBe(false);
  });

  it('sends the levels that owe a recovery plan (FW-4), none for a new contract', () => {
    expect(toPayload(formValues(undefined)).planLevels).toEqual([]);
    expect(toPayload({ ...formValues(contract), planLevels: ['1', '2'] }).planLevels).toEqual(['1', '2']);
    expect(formValues({ ...contract, planLevels: ['A'] }).planLevels).toEqual(['A']);
  });

  it('keeps the office hours on 7×24 so switching back finds them', () => {
    const payload = toPayload({ ...formValues(contract), calendar: 'SEVEN_BY_24' });
    expect(payload.calendar).toBe('SEVEN_BY_24');
    expect(payload.workingHours).toEqual(contract.workingHours);
  });
});
