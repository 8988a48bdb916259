import { describe, expect, it } from 'vitest';
import { probeInitialValues, probeInput, withoutProbeFields } from './DeviceProbeFields';

describe('device probe settings on the form', () => {
  it('sends a blank password as "keep" and a ticked clear as "remove"', () => {
    const kept = probeInput({ 'probe.password': '', 'probe.rtspUrl': ' rtsp://10.0.0.5/1 ', 'probe.ptz': true });
    expect(kept.password).toBeUndefined();
    expect(kept.clearPassword).toBeUndefined();
    expect(kept.rtspUrl).toBe('rtsp://10.0.0.5/1');
    expect(kept.ptz).toBe(true);

    const cleared = probeInput({ 'probe.clearPassword': true, 'probe.snmpCommunity': 'public2' });
    expect(cleared.clearPassword).toBe(true);
    expect(cleared.snmpCommunity).toBe('public2');
  });

  it('never puts a secret into the form from the server, and keeps probe items out of the device body', () => {
    const initial = probeInitialValues({
      passwordSet: true,
      snmpCommunitySet: true,
      snmpAuthPasswordSet: false,
      snmpPrivPasswordSet: false,
      ptz: false,
      recorderId: 7,
      channel: 3,
    });
    expect(initial['probe.password']).toBeUndefined();
    expect(initial['probe.recorderId']).toBe(7);
    expect(Object.keys(withoutProbeFields({ name: 'C-01', 'probe.rtspUrl': 'x' }))).toEqual(['name']);
  });
});
