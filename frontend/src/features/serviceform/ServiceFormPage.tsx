import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { acceptLanguage } from '../../i18n';
import { PrintPage, SheetField } from '../../shared/PrintableSheet';
import { serviceFormApi, serviceFormKeys, type ServiceForm, type ServiceFormVisit } from './api';

/**
 * The printable service form (维修服务单) of a ticket: one A4 sheet per visit, as the server words it (the same
 * form the PDF prints), in the page's language. Empty fields are blank lines to fill by hand. 打印 prints the
 * sheets only (the app's header and these buttons are hidden in print); 下载 PDF saves the server's PDF.
 */
export function ServiceFormPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = acceptLanguage(i18n.language);
  const { data: form, error } = useQuery({
    queryKey: serviceFormKeys.one(id, lang),
    queryFn: () => serviceFormApi.get(id, lang),
  });

  return (
    <PrintPage
      testId="service-form-page"
      printTestId="service-form-print"
      pdfTestId="service-form-pdf"
      errorTestId="service-form-error"
      backTo={`/tickets/${id}`}
      backLabel={t('serviceFormPage.back')}
      ready={!!form}
      error={error}
      onPdf={() =>
        serviceFormApi.downloadPdf(id, lang, `${t('serviceForm.title')}-${form?.caseInfo?.number ?? id}.pdf`)
      }
    >
      {form && <Sheets form={form} />}
    </PrintPage>
  );
}

function Sheets({ form }: { form: ServiceForm }) {
  const visits = form.visits ?? [];
  return (
    <div className="sf-print">
      {visits.map((visit, i) => (
        <Sheet key={visit.visitNo ?? i} form={form} visit={visit} page={i + 1} pages={visits.length} />
      ))}
    </div>
  );
}

/** A label of serviceForm.* and its value; an empty value is a blank line to fill by hand. */
function Field({
  name,
  value,
  wide,
  lines = 1,
}: {
  name: string;
  value?: string | null;
  wide?: boolean;
  lines?: number;
}) {
  const { t } = useTranslation();
  return <SheetField label={t(`serviceForm.${name}`)} value={value} wide={wide} lines={lines} testId={`sf-${name}`} />;
}

function Sheet({
  form,
  visit,
  page,
  pages,
}: {
  form: ServiceForm;
  visit: ServiceFormVisit;
  page: number;
  pages: number;
}) {
  const { t } = useTranslation();
  const c = form.caseInfo ?? {};
  const d = form.device ?? {};
  const photos = page === pages ? (form.photos ?? []) : [];
  const confirmedAt = [visit.confirmedAt, visit.confirmation].filter(Boolean).join(' ');
  return (
    <article className="sf-sheet" data-testid="service-form-sheet">
      <header className="sf-head">
        <h1>{form.title}</h1>
        <div className="sf-meta">
          <span>{form.zone}</span>
          <span>
            {t('serviceForm.number')} {c.number}
          </span>
        </div>
      </header>
      <h2>{t('serviceForm.caseSection')}</h2>
      <div className="sf-grid">
        <Field name="number" value={c.number} />
        <Field name="reportedAt" value={c.reportedAt} />
        <Field name="caseTitle" value={c.title} wide />
        <Field name="customerUnit" value={c.customerUnit} />
        <Field name="level" value={c.level} />
        <Field name="site" value={c.site} />
        <Field name="siteContact" value={c.siteContact} />
        <Field name="address" value={c.address} wide />
        <Field name="reporter" value={c.reporter} />
        <Field name="reporterPhone" value={c.reporterPhone} />
      </div>
      <h2>{t('serviceForm.deviceSection')}</h2>
      <div className="sf-grid">
        <Field name="deviceName" value={d.name} />
        <Field name="deviceModel" value={d.model} />
        <Field name="deviceSerial" value={d.serial} />
        <Field name="deviceLocation" value={d.location} />
      </div>
      <h2>{t('serviceForm.visitSection', { n: visit.visitNo })}</h2>
      <div className="sf-grid">
        <Field name="engineer" value={visit.engineer} />
        <Field name="checkedInAt" value={visit.checkedInAt} />
        <Field name="checkInPlace" value={visit.checkInPlace} />
        <Field name="restoredAt" value={visit.restoredAt} />
        {(
          [
            ['symptom', visit.symptom],
            ['diagnosis', visit.diagnosis],
            ['cause', visit.cause],
            ['recoveryPlan', visit.recoveryPlan],
          ] as const
        ).map(([name, value]) => (
          <Fragment key={name}>
            <Field name={name} value={value} wide lines={2} />
          </Fragment>
        ))}
        <Field name="planReview" value={visit.planReview} wide />
        <Field name="workDone" value={visit.workDone} wide lines={2} />
        <Field name="parts" value={visit.parts} wide lines={2} />
        <Field name="prevention" value={visit.prevention} wide lines={2} />
      </div>
      <h2>{t('serviceForm.confirmSection')}</h2>
      <div className="sf-grid">
        <Field name="testerName" value={visit.testerName} />
        <Field name="confirmedAt" value={confirmedAt} />
        <div className="sf-label">{t('serviceForm.signature')}</div>
        <div className="sf-value sf-wide sf-signature" data-testid="sf-signature">
          {visit.signature?.dataUrl && <img src={visit.signature.dataUrl} alt={t('serviceForm.signature')} />}
        </div>
        <Field name="audit" value={visit.audit} />
        <Field name="auditedAt" value={visit.auditedAt} />
        {(visit.auditReason || visit.auditedBy) && (
          <>
            <Field name="auditReason" value={visit.auditReason} />
            <Field name="auditedBy" value={visit.auditedBy} />
          </>
        )}
      </div>
      {photos.length > 0 && (
        <>
          <h2>{t('serviceForm.photosSection')}</h2>
          <div className="sf-photos" data-testid="sf-photos">
            {photos.map((p) => (
              <img key={p.attachmentId} src={p.dataUrl} alt={p.fileName ?? ''} />
            ))}
          </div>
        </>
      )}
      <footer className="sf-foot">{t('serviceForm.page', { page, pages })}</footer>
    </article>
  );
}
