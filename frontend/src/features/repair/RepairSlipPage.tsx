import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { repairApi, repairKeys, type Repair, type RepairSlip } from './api';
import './repairSlip.css';

/**
 * The printable repair slip (送修单) of a ticket (RR-1): one sheet per device sent to a vendor, in the page's
 * language (Chinese by default). 打印 prints the sheets only, like the service form.
 */
export function RepairSlipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error } = useQuery({ queryKey: repairKeys.one(id), queryFn: () => repairApi.get(id) });
  return (
    <div className="sf-page" data-testid="repair-slip-page">
      <Space wrap className="sf-toolbar">
        <Link to={`/tickets/${id}`}>
          <ArrowLeftOutlined /> {t('repair.back')}
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!data}
          data-testid="repair-slip-print"
        >
          {t('repair.print')}
        </Button>
      </Space>
      {data ? (
        data.slips.length === 0 ? (
          <Alert type="info" showIcon message={t('repair.none')} />
        ) : (
          <div className="sf-print">
            {data.slips.map((s) => (
              <SlipSheet key={s.id} repair={data} slip={s} />
            ))}
          </div>
        )
      ) : error ? (
        <Alert
          type="error"
          showIcon
          message={
            error instanceof ApiError && error.status === 404
              ? t('common.notFound')
              : t('common.loadFailed', { message: describeError(error, t) })
          }
        />
      ) : (
        <Spin size="large" style={{ display: 'block', marginTop: 80 }} />
      )}
    </div>
  );
}

function Field({ name, value, wide }: { name: string; value?: string | null; wide?: boolean }) {
  const { t } = useTranslation();
  const blank = value === undefined || value === null || value === '';
  return (
    <>
      <div className="sf-label">{t(`repair.${name}`)}</div>
      <div
        className={`sf-value${wide ? ' sf-wide' : ''}${blank ? ' sf-blank' : ''}`}
        style={blank ? { minHeight: '1.8em' } : undefined}
        data-testid={`rs-${name}`}
      >
        {blank ? '' : value}
      </div>
    </>
  );
}

function SlipSheet({ repair, slip }: { repair: Repair; slip: RepairSlip }) {
  const { t } = useTranslation();
  return (
    <article className="sf-sheet" data-testid="repair-slip-sheet">
      <header className="sf-head">
        <h1>{t('repair.slipTitle')}</h1>
        <div className="sf-meta">
          <span>
            {t('repair.slipNumber')} {slip.slipNumber}
          </span>
        </div>
      </header>
      <div className="sf-grid">
        <Field name="ticket" value={repair.ticketNumber} />
        <Field name="vendor" value={slip.vendorName} />
        <Field name="customer" value={repair.customerName} />
        <Field name="site" value={repair.siteName} />
        <Field name="address" value={repair.siteAddress} wide />
        <Field name="device" value={slip.deviceName} />
        <Field name="deviceModel" value={slip.deviceModel} />
        <Field name="deviceSerial" value={slip.deviceSerial} />
        <Field name="sentBy" value={slip.sentBy} />
        <Field name="fault" value={slip.fault} wide />
        <Field name="sentAt" value={formatDateTime(slip.sentAt)} />
        <Field name="expectedReturn" value={formatDateTime(slip.expectedReturnAt)} />
        <Field name="returnRule" value={t(`returnRule.${slip.returnRule}`, { defaultValue: slip.returnRule })} wide />
        <Field name="note" value={slip.note} wide />
        <Field name="returnedAt" value={slip.returnedAt ? formatDateTime(slip.returnedAt) : null} />
        <Field name="outcome" value={slip.returnedAt ? t(`repairOutcome.${slip.outcome}`) : null} />
        <Field name="vendorReport" value={slip.vendorReport} wide />
        <Field name="signEngineer" value={null} />
        <Field name="signVendor" value={null} />
      </div>
    </article>
  );
}
