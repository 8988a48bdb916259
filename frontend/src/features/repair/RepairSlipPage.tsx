import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { acceptLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { PrintPage, SheetField } from '../../shared/PrintableSheet';
import { repairApi, repairKeys, type Repair, type RepairSlip } from './api';

/**
 * The printable repair slip (送修单) of a ticket (RR-1): one sheet per device sent to a vendor, in the page's
 * language (Chinese by default). 打印 prints the sheets only, like the service form; 下载 PDF saves the server's PDF.
 */
export function RepairSlipPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery({ queryKey: repairKeys.one(id), queryFn: () => repairApi.get(id) });
  const hasSlips = !!data && data.slips.length > 0;
  return (
    <PrintPage
      testId="repair-slip-page"
      printTestId="repair-slip-print"
      pdfTestId="repair-slip-pdf"
      backTo={`/tickets/${id}`}
      backLabel={t('repair.back')}
      ready={!!data}
      error={error}
      onPdf={
        hasSlips
          ? () =>
              repairApi.downloadSlipPdf(
                id,
                acceptLanguage(i18n.language),
                `${t('repair.slipTitle')}-${data.ticketNumber}.pdf`,
              )
          : undefined
      }
    >
      {data &&
        (data.slips.length === 0 ? (
          <Alert type="info" showIcon message={t('repair.none')} />
        ) : (
          <div className="sf-print">
            {data.slips.map((s) => (
              <SlipSheet key={s.id} repair={data} slip={s} />
            ))}
          </div>
        ))}
    </PrintPage>
  );
}

function Field({ name, value, wide }: { name: string; value?: string | null; wide?: boolean }) {
  const { t } = useTranslation();
  return <SheetField label={t(`repair.${name}`)} value={value} wide={wide} testId={`rs-${name}`} />;
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
