import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { PageHeader } from '../../shared/PageHeader';
import { CountsTab } from './CountsTab';
import { PartsTab } from './PartsTab';
import { RequisitionsTab } from './RequisitionsTab';
import { StaleWarningsTab } from './StaleWarningsTab';
import { TransfersTab } from './TransfersTab';

/**
 * Spare parts (FW-6): stock with alarm and stale marks, requisitions, transfers between warehouses, and for the keepers
 * the monthly count and the month-end stale stock warnings.
 */
export function StockPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const keeper = hasRole('SUPERVISOR', 'ADMIN');
  const items = [
    { key: 'stock', label: t('stock.tabs.stock'), children: <PartsTab /> },
    { key: 'requisitions', label: t('stock.tabs.requisitions'), children: <RequisitionsTab /> },
    { key: 'transfers', label: t('stock.tabs.transfers'), children: <TransfersTab /> },
    ...(keeper
      ? [
          { key: 'counts', label: t('stock.tabs.counts'), children: <CountsTab /> },
          { key: 'staleWarnings', label: t('stock.tabs.staleWarnings'), children: <StaleWarningsTab /> },
        ]
      : []),
  ];
  const active = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : 'stock';
  return (
    <div data-testid="stock-page">
      <PageHeader title={t('stock.title')} />
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab })} items={items} destroyOnHidden />
    </div>
  );
}
