import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SiteEnvironment } from '../../api/types';
import { SITE_ENVIRONMENT_PARTS } from '../../shared/SiteEnvironmentList';
import { adminApi, type AdminSite } from './api';
import { FormModal } from './FormModal';

const TEXT_PARTS = ['machineRoom', 'powerSupply', 'lightningProtection', 'adverseConditions'] as const;

/**
 * The administrator records a site's environment (RP-3: 单位环境情况 and 维护人员情况): what an engineer should know
 * before going there. Saved as a whole; an emptied field is cleared.
 */
export function SiteEnvironmentForm({
  site,
  onSaved,
  onClose,
}: {
  site: AdminSite;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tooLong = (part: string) => ({
    max: 500,
    message: t('validation.maxLength', { field: t(`siteEnvironment.${part}`), max: 500 }),
  });
  return (
    <FormModal<SiteEnvironment>
      open
      title={t('siteEnvironment.editTitle', { name: site.name })}
      initialValues={site.environment ?? {}}
      fields={[...SITE_ENVIRONMENT_PARTS]}
      onSubmit={async (v) => {
        await adminApi.setSiteEnvironment(site.id, {
          machineRoom: v.machineRoom || undefined,
          powerSupply: v.powerSupply || undefined,
          lightningProtection: v.lightningProtection || undefined,
          adverseConditions: v.adverseConditions || undefined,
          maintainerCount: v.maintainerCount ?? undefined,
          maintainerSkills: v.maintainerSkills || undefined,
        });
        onSaved();
      }}
      onClose={onClose}
      testId="site-environment-form"
    >
      <Typography.Paragraph type="secondary">{t('siteEnvironment.hint')}</Typography.Paragraph>
      {TEXT_PARTS.map((part) => (
        <Form.Item key={part} name={part} label={t(`siteEnvironment.${part}`)} rules={[tooLong(part)]}>
          <Input.TextArea
            rows={2}
            placeholder={t(`siteEnvironment.placeholder.${part}`)}
            data-testid={`site-environment-${part}`}
          />
        </Form.Item>
      ))}
      <Form.Item name="maintainerCount" label={t('siteEnvironment.maintainerCount')}>
        <InputNumber min={0} max={9999} precision={0} data-testid="site-environment-maintainerCount" />
      </Form.Item>
      <Form.Item
        name="maintainerSkills"
        label={t('siteEnvironment.maintainerSkills')}
        rules={[tooLong('maintainerSkills')]}
      >
        <Input.TextArea
          rows={2}
          placeholder={t('siteEnvironment.placeholder.maintainerSkills')}
          data-testid="site-environment-maintainerSkills"
        />
      </Form.Item>
    </FormModal>
  );
}
