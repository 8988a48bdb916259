import { Checkbox, Divider, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  SNMP_AUTH_PROTOCOLS,
  SNMP_PRIV_PROTOCOLS,
  type AdminDevice,
  type DeviceProbe,
  type DeviceProbeInput,
} from './api';

/**
 * Issue 14: the protocol checks' settings on the device form. The items are flat ("probe.rtspUrl") so the server's
 * 400 naming "probe.rtspUrl" lands under its field. Secrets are write-only: the field shows whether one is set, a
 * blank field keeps it, the checkbox clears it.
 */
export const PROBE_FIELDS = [
  'probe.rtspUrl',
  'probe.onvifUrl',
  'probe.isapiUrl',
  'probe.username',
  'probe.password',
  'probe.clearPassword',
  'probe.ptz',
  'probe.recorderId',
  'probe.channel',
  'probe.snmpVersion',
  'probe.snmpPort',
  'probe.snmpCommunity',
  'probe.clearSnmpCommunity',
  'probe.snmpUser',
  'probe.snmpAuthProtocol',
  'probe.snmpAuthPassword',
  'probe.clearSnmpAuthPassword',
  'probe.snmpPrivProtocol',
  'probe.snmpPrivPassword',
  'probe.clearSnmpPrivPassword',
];

type Flat = Record<string, unknown>;

/** The form's starting values from what the server shows (no secret is ever there). */
export function probeInitialValues(probe: DeviceProbe | undefined): Flat {
  if (!probe) return {};
  return {
    'probe.rtspUrl': probe.rtspUrl ?? undefined,
    'probe.onvifUrl': probe.onvifUrl ?? undefined,
    'probe.isapiUrl': probe.isapiUrl ?? undefined,
    'probe.username': probe.username ?? undefined,
    'probe.ptz': probe.ptz,
    'probe.recorderId': probe.recorderId ?? undefined,
    'probe.channel': probe.channel ?? undefined,
    'probe.snmpVersion': probe.snmpVersion ?? '',
    'probe.snmpPort': probe.snmpPort ?? undefined,
    'probe.snmpUser': probe.snmpUser ?? undefined,
    'probe.snmpAuthProtocol': probe.snmpAuthProtocol ?? '',
    'probe.snmpPrivProtocol': probe.snmpPrivProtocol ?? '',
  };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const secret = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** What the form sends as "probe": blank secrets left out (kept), clear flags only when ticked. */
export function probeInput(values: Flat): DeviceProbeInput {
  return {
    rtspUrl: text(values['probe.rtspUrl']),
    onvifUrl: text(values['probe.onvifUrl']),
    isapiUrl: text(values['probe.isapiUrl']),
    username: text(values['probe.username']),
    password: secret(values['probe.password']),
    clearPassword: values['probe.clearPassword'] === true || undefined,
    ptz: values['probe.ptz'] === true,
    recorderId: num(values['probe.recorderId']),
    channel: num(values['probe.channel']),
    snmpVersion: text(values['probe.snmpVersion']),
    snmpPort: num(values['probe.snmpPort']),
    snmpCommunity: secret(values['probe.snmpCommunity']),
    clearSnmpCommunity: values['probe.clearSnmpCommunity'] === true || undefined,
    snmpUser: text(values['probe.snmpUser']),
    snmpAuthProtocol: text(values['probe.snmpAuthProtocol']),
    snmpAuthPassword: secret(values['probe.snmpAuthPassword']),
    clearSnmpAuthPassword: values['probe.clearSnmpAuthPassword'] === true || undefined,
    snmpPrivProtocol: text(values['probe.snmpPrivProtocol']),
    snmpPrivPassword: secret(values['probe.snmpPrivPassword']),
    clearSnmpPrivPassword: values['probe.clearSnmpPrivPassword'] === true || undefined,
  };
}

/** The values of the device form without the probe items (they go as "probe"). */
export function withoutProbeFields<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('probe.'))) as T;
}

function SecretField({ name, clear, label, isSet }: { name: string; clear: string; label: string; isSet: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={name} label={t(label)}>
        <Input.Password
          autoComplete="new-password"
          placeholder={t(isSet ? 'admin.devices.secretSet' : 'admin.devices.secretNotSet')}
          data-testid={`device-${name}`}
        />
      </Form.Item>
      {isSet && (
        <Form.Item name={clear} valuePropName="checked" style={{ marginTop: -16 }}>
          <Checkbox data-testid={`device-${clear}`}>{t('admin.devices.clearSecret')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}

/** The probe section; which items show depends on the device type chosen above. */
export function DeviceProbeFields({ device, devices }: { device?: AdminDevice; devices: AdminDevice[] }) {
  const { t } = useTranslation();
  const probe = device?.probe;
  const none = { value: '', label: t('admin.devices.protocolNone') };
  return (
    <>
      <Divider orientation="left" plain>
        {t('admin.devices.probeSection')}
      </Divider>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const type = getFieldValue('type') as string | undefined;
          const siteId = getFieldValue('siteId') as number | undefined;
          const snmpVersion = getFieldValue('probe.snmpVersion') as string | undefined;
          const recorders = devices.filter(
            (d) => d.type === 'NVR' && d.siteId === siteId && d.id !== device?.id && !d.retired,
          );
          return (
            <>
              {type === 'CAMERA' && (
                <>
                  <Form.Item
                    name="probe.rtspUrl"
                    label={t('admin.devices.rtspUrl')}
                    extra={t('admin.devices.rtspUrlHint')}
                  >
                    <Input data-testid="device-probe.rtspUrl" />
                  </Form.Item>
                  <Form.Item
                    name="probe.recorderId"
                    label={t('admin.devices.recorder')}
                    extra={t('admin.devices.recorderHint')}
                  >
                    <Select
                      allowClear
                      data-testid="device-probe.recorderId"
                      options={recorders.map((r) => ({ value: r.id, label: r.name }))}
                    />
                  </Form.Item>
                  <Form.Item name="probe.channel" label={t('admin.devices.channel')}>
                    <InputNumber min={1} max={512} style={{ width: '100%' }} data-testid="device-probe.channel" />
                  </Form.Item>
                  <Form.Item name="probe.ptz" valuePropName="checked">
                    <Checkbox data-testid="device-probe.ptz">{t('admin.devices.ptz')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="probe.onvifUrl" label={t('admin.devices.onvifUrl')}>
                    <Input data-testid="device-probe.onvifUrl" />
                  </Form.Item>
                </>
              )}
              {type === 'NVR' && (
                <Form.Item
                  name="probe.isapiUrl"
                  label={t('admin.devices.isapiUrl')}
                  extra={t('admin.devices.isapiUrlHint')}
                >
                  <Input data-testid="device-probe.isapiUrl" />
                </Form.Item>
              )}
              {(type === 'CAMERA' || type === 'NVR') && (
                <>
                  <Form.Item name="probe.username" label={t('admin.devices.username')}>
                    <Input autoComplete="off" data-testid="device-probe.username" />
                  </Form.Item>
                  <SecretField
                    name="probe.password"
                    clear="probe.clearPassword"
                    label="admin.devices.password"
                    isSet={!!probe?.passwordSet}
                  />
                </>
              )}
              <Form.Item name="probe.snmpVersion" label={t('admin.devices.snmpVersion')}>
                <Select
                  data-testid="device-probe.snmpVersion"
                  options={[
                    { value: '', label: t('admin.devices.snmpNone') },
                    { value: '2c', label: 'v2c' },
                    { value: '3', label: 'v3' },
                  ]}
                />
              </Form.Item>
              {snmpVersion && (
                <Form.Item name="probe.snmpPort" label={t('admin.devices.snmpPort')}>
                  <InputNumber min={1} max={65535} placeholder="161" style={{ width: '100%' }} />
                </Form.Item>
              )}
              {snmpVersion === '2c' && (
                <SecretField
                  name="probe.snmpCommunity"
                  clear="probe.clearSnmpCommunity"
                  label="admin.devices.snmpCommunity"
                  isSet={!!probe?.snmpCommunitySet}
                />
              )}
              {snmpVersion === '3' && (
                <>
                  <Form.Item name="probe.snmpUser" label={t('admin.devices.snmpUser')}>
                    <Input autoComplete="off" />
                  </Form.Item>
                  <Form.Item name="probe.snmpAuthProtocol" label={t('admin.devices.snmpAuthProtocol')}>
                    <Select options={[none, ...SNMP_AUTH_PROTOCOLS.map((p) => ({ value: p, label: p }))]} />
                  </Form.Item>
                  <SecretField
                    name="probe.snmpAuthPassword"
                    clear="probe.clearSnmpAuthPassword"
                    label="admin.devices.snmpAuthPassword"
                    isSet={!!probe?.snmpAuthPasswordSet}
                  />
                  <Form.Item name="probe.snmpPrivProtocol" label={t('admin.devices.snmpPrivProtocol')}>
                    <Select options={[none, ...SNMP_PRIV_PROTOCOLS.map((p) => ({ value: p, label: p }))]} />
                  </Form.Item>
                  <SecretField
                    name="probe.snmpPrivPassword"
                    clear="probe.clearSnmpPrivPassword"
                    label="admin.devices.snmpPrivPassword"
                    isSet={!!probe?.snmpPrivPasswordSet}
                  />
                </>
              )}
            </>
          );
        }}
      </Form.Item>
    </>
  );
}
