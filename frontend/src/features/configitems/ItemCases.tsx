import { Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/tags';
import type { ConfigItemView } from './api';

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * 相关故障 (RP-4): the fault cases that name this item, newest link first (the server sends at most 20), each linking
 * to its case, with its status, when it was reported and when it named the item.
 */
export function ItemCases({ item }: { item: ConfigItemView }) {
  const { t } = useTranslation();
  const cases = item.cases ?? [];
  return (
    <Card size="small" title={t('configItems.cases.title')} style={{ marginBottom: 16 }} data-testid="ci-cases">
      {cases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('configItems.cases.empty')} />
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {cases.map((k) => (
            <div key={k.id} data-testid={`ci-case-${k.id}`}>
              <Space size={4} wrap>
                <Link to={`/tickets/${k.id}`}>{k.number}</Link>
                <span style={textStyle}>{k.title}</span>
                <StatusTag status={k.status} />
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('configItems.cases.times', {
                    reported: formatDateTime(k.reportedAt),
                    linked: formatDateTime(k.linkedAt),
                  })}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
