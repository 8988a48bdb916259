import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { showable } from '../../api/readable';
import { referenceApi, referenceKeys } from '../../api/reference';
import type { Device } from '../../api/types';
import { acceptLanguage } from '../../i18n';
import { useIsPhone } from '../../shared/useIsPhone';
import { useSendOnce } from '../../shared/useSendOnce';
import {
  CONFIG_RELATIONS,
  CONFIG_TARGET_TYPES,
  configItemKeys,
  configItemsApi,
  type ConfigRelation,
  type ConfigTargetType,
  type ConfigItemView,
} from './api';
import { codeLabel, describeItemError, formField } from './parts';

interface FormValues {
  relation: ConfigRelation;
  targetType: ConfigTargetType;
  deviceId?: number;
  itemId?: number;
}

const FORM_FIELDS = new Set(['relation', 'deviceId', 'itemId']);

/**
 * 添加关系: what this item runs on, depends on or connects to — one of the same unit's devices (picked as the change
 * form picks them: the unit's sites, then their devices) or another of its items (not itself, not a retired one).
 * The server refuses the same relation twice (409) and a loop between items (400 on itemId).
 */
export function AddLinkModal({ item, onClose }: { item: ConfigItemView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const targetType = Form.useWatch('targetType', form) ?? 'DEVICE';

  const sites = useQuery({ queryKey: referenceKeys.sites, queryFn: referenceApi.sites });
  const unitSites = (sites.data ?? []).filter((s) => s.customerId === item.customerId);
  const deviceQueries = useQueries({
    queries: unitSites.map((s) => ({
      queryKey: referenceKeys.devices(s.id),
      queryFn: () => referenceApi.devices(s.id),
    })),
  });
  const devices: Device[] = deviceQueries.flatMap((q) => q.data ?? []);
  const devicesLoading = sites.isFetching || deviceQueries.some((q) => q.isFetching);

  const unitItems = useQuery({
    queryKey: configItemKeys.list({ customerId: item.customerId }),
    queryFn: () => configItemsApi.list({ customerId: item.customerId }),
    enabled: targetType === 'ITEM',
  });
  const items = (unitItems.data ?? []).filter((i) => i.id !== item.id && i.status !== 'RETIRED');

  const { ok, busy, error, setError } = useSendOnce(
    form,
    async (values) => {
      const view = await configItemsApi.link(
        item.id,
        values.targetType === 'DEVICE'
          ? { relation: values.relation, deviceId: values.deviceId! }
          : { relation: values.relation, itemId: values.itemId! },
      );
      queryClient.setQueryData(configItemKeys.detail(item.id), view);
      void queryClient.invalidateQueries({ queryKey: configItemKeys.all });
      message.success(t('configItems.link.added'));
      onClose();
    },
    (e) => {
      const chinese = acceptLanguage() === 'zh-CN';
      if (
        e instanceof ApiError &&
        e.status === 400 &&
        (e.problem.errors ?? []).some((fe) => FORM_FIELDS.has(formField(fe.field)))
      ) {
        form.setFields(
          (e.problem.errors ?? [])
            .filter((fe) => FORM_FIELDS.has(formField(fe.field)))
            .map((fe) => {
              const name = formField(fe.field) as keyof FormValues;
              // the server's own words when the reader can read them; else why an item is refused, in theirs
              const text = showable(fe.message, chinese)
                ? fe.message
                : name === 'itemId'
                  ? t('configItems.link.itemRefused')
                  : t('common.fieldInvalid');
              return { name, errors: [text] };
            }),
        );
      } else if (e instanceof ApiError && e.status === 409) {
        setError(t('configItems.link.duplicate'));
      } else {
        setError(describeItemError(e, t));
      }
    },
  );

  return (
    <Modal
      open
      title={t('configItems.link.title')}
      okText={t('configItems.link.submit')}
      cancelText={t('configItems.cancel')}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: busy, ...({ 'data-testid': 'ci-link-ok' } as object) }}
      width={phone ? '100%' : 520}
      style={phone ? { top: 8, maxWidth: '100vw', paddingInline: 0 } : undefined}
      destroyOnHidden
      maskClosable={!busy}
      data-testid="ci-link-modal"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ relation: 'RUNS_ON', targetType: 'DEVICE' }}
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('targetType' in changed) form.setFieldsValue({ deviceId: undefined, itemId: undefined });
        }}
      >
        <Form.Item
          name="relation"
          label={t('configItems.link.relation')}
          rules={[{ required: true, message: t('validation.choose', { field: t('configItems.link.relation') }) }]}
        >
          <Select
            data-testid="ci-link-relation"
            options={CONFIG_RELATIONS.map((r) => ({ value: r, label: codeLabel(t, 'configRelation', r) }))}
          />
        </Form.Item>
        <Form.Item name="targetType" label={t('configItems.link.targetType')}>
          <Radio.Group
            data-testid="ci-link-target-type"
            optionType="button"
            options={CONFIG_TARGET_TYPES.map((type) => ({ value: type, label: codeLabel(t, 'configTarget', type) }))}
          />
        </Form.Item>
        {targetType === 'DEVICE' ? (
          <Form.Item
            name="deviceId"
            label={t('configItems.link.target')}
            rules={[{ required: true, message: t('validation.choose', { field: t('configTarget.DEVICE') }) }]}
          >
            <Select
              data-testid="ci-link-device"
              showSearch
              optionFilterProp="label"
              loading={devicesLoading}
              placeholder={t('configItems.link.devicePlaceholder')}
              notFoundContent={devicesLoading ? undefined : t('configItems.link.noDevices')}
              options={devices.map((d) => ({
                value: d.id,
                label: [d.name, t(`admin.deviceType.${d.type}`, { defaultValue: '' }), d.location, d.siteName]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="itemId"
            label={t('configItems.link.target')}
            rules={[{ required: true, message: t('validation.choose', { field: t('configTarget.ITEM') }) }]}
          >
            <Select
              data-testid="ci-link-item"
              showSearch
              optionFilterProp="label"
              loading={unitItems.isFetching}
              placeholder={t('configItems.link.itemPlaceholder')}
              notFoundContent={unitItems.isFetching ? undefined : t('configItems.link.noItems')}
              options={items.map((i) => ({
                value: i.id,
                label: `${i.number} · ${i.name}（${codeLabel(t, 'configKind', i.kind)}）`,
              }))}
            />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="ci-link-error" />}
    </Modal>
  );
}
