import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLocation, toLocationValue } from './values';

/** How long the phone may take to find its position. */
const LOCATION_TIMEOUT_MS = 10_000;

interface Props {
  /** JSON {"lat","lng","accuracy"} or "" (the form value). */
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId: string;
}

const ERROR_KEYS: Record<number, string> = {
  1: 'fieldWidgets.location.denied',
  2: 'fieldWidgets.location.unavailable',
  3: 'fieldWidgets.location.timeout',
};

/**
 * Where the engineer is, if the phone shares it: one tap asks the browser for a high-accuracy position.
 * Refused or unavailable leaves the field empty with a message; it never blocks the step.
 */
export function LocationField({ value, onChange, id, testId }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const location = parseLocation(value);

  const locate = () => {
    setProblem(null);
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geo) {
      setProblem(t('fieldWidgets.location.unsupported'));
      return;
    }
    setBusy(true);
    geo.getCurrentPosition(
      (position) => {
        setBusy(false);
        onChange?.(toLocationValue(position.coords));
      },
      (error) => {
        setBusy(false);
        onChange?.('');
        setProblem(t(ERROR_KEYS[error.code] ?? 'fieldWidgets.location.unavailable'));
      },
      { enableHighAccuracy: true, timeout: LOCATION_TIMEOUT_MS, maximumAge: 0 },
    );
  };

  return (
    <div id={id} data-testid={testId} data-value={value ?? ''}>
      <Space wrap>
        <Button icon={<AimOutlined />} loading={busy} onClick={locate} data-testid={`${testId}-locate`}>
          {busy ? t('fieldWidgets.location.locating') : t('fieldWidgets.location.locate')}
        </Button>
        {location && (
          <Button type="link" onClick={() => onChange?.('')} data-testid={`${testId}-clear`}>
            {t('fieldWidgets.location.clear')}
          </Button>
        )}
      </Space>
      {location && (
        <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid={`${testId}-shown`}>
          {t('fieldWidgets.location.shown', {
            latitude: location.lat.toFixed(5),
            longitude: location.lng.toFixed(5),
            accuracy: Math.round(location.accuracy),
          })}
        </Typography.Paragraph>
      )}
      {problem && (
        <Alert type="warning" showIcon message={problem} style={{ marginTop: 8 }} data-testid={`${testId}-problem`} />
      )}
    </div>
  );
}
