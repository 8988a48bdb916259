import { Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { PrintPage } from '../../shared/PrintableSheet';
import { warrantyApi, warrantyKeys, type ScrapCertificate, type ScrapDevice } from './api';
import './scrapCertificate.css';

/**
 * The scrap certificate (报废证明) of a device the vendor could not repair (RR-6): one printable A4 sheet, in Chinese
 * unless switched to English; 打印 prints the sheet only, 下载 PDF saves the server's PDF in the chosen language.
 */
export function ScrapCertificatePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<'zh' | 'en'>('zh');
  const { data, error } = useQuery({
    queryKey: warrantyKeys.certificate(id),
    queryFn: () => warrantyApi.scrapCertificate(id),
  });
  const st = i18n.getFixedT(lang);
  return (
    <PrintPage
      testId="scrap-certificate-page"
      errorTestId="scrap-certificate-error"
      notFoundText={t('scrapCertificate.none')}
      backTo={`/tickets/${id}`}
      backLabel={t('serviceFormPage.back')}
      ready={!!data}
      error={error}
      onPdf={() =>
        warrantyApi.downloadCertificatePdf(
          id,
          lang === 'zh' ? 'zh-CN' : 'en',
          `${st('scrapCertificate.title')}-${data?.certificateNo ?? id}.pdf`,
        )
      }
      extra={
        <Segmented
          value={lang}
          onChange={(v) => setLang(v as 'zh' | 'en')}
          options={[
            { value: 'zh', label: t('lang.zh') },
            { value: 'en', label: t('lang.en') },
          ]}
          data-testid="scrap-certificate-lang"
        />
      }
    >
      {data && <Sheet c={data} st={st} />}
    </PrintPage>
  );
}

type Fixed = ReturnType<ReturnType<typeof useTranslation>['i18n']['getFixedT']>;

function Row({ label, value }: { label: string; value?: string | null }) {
  return (
    <>
      <div className="sc-label">{label}</div>
      <div className="sc-value">{value || ''}</div>
    </>
  );
}

function DeviceRows({ d, st }: { d: ScrapDevice; st: Fixed }) {
  return (
    <>
      <Row label={st('scrapCertificate.deviceName')} value={d.name} />
      <Row
        label={st('scrapCertificate.deviceType')}
        value={st(`admin.deviceType.${d.type}`, { defaultValue: d.type })}
      />
      <Row label={st('scrapCertificate.model')} value={d.model} />
      <Row label={st('scrapCertificate.serialNumber')} value={d.serialNumber} />
    </>
  );
}

function Sheet({ c, st }: { c: ScrapCertificate; st: Fixed }) {
  return (
    <div className="sc-sheet" data-testid="scrap-certificate-sheet">
      <h1>{st('scrapCertificate.title')}</h1>
      <div className="sc-meta">
        <span>
          {st('scrapCertificate.no')}: {c.certificateNo}
        </span>
        <span>
          {st('scrapCertificate.ticket')}: {c.ticketNumber}
        </span>
      </div>
      <div className="sc-grid">
        <Row label={st('scrapCertificate.customer')} value={c.customerName} />
        <Row label={st('scrapCertificate.site')} value={[c.siteName, c.siteAddress].filter(Boolean).join(' · ')} />
      </div>
      <h2>{st('scrapCertificate.scrapped')}</h2>
      <div className="sc-grid">
        <DeviceRows d={c.scrapped} st={st} />
        <Row label={st('scrapCertificate.cause')} value={st(`warranty.causes.${c.cause}`)} />
        <Row label={st('scrapCertificate.scrappedAt')} value={formatDateTime(c.scrappedAt)} />
      </div>
      <h2>{st('scrapCertificate.replacement')}</h2>
      <div className="sc-grid">
        <DeviceRows d={c.replacement} st={st} />
      </div>
      <p className="sc-statement">{st('scrapCertificate.statement')}</p>
      <div className="sc-signs">
        <div>{st('scrapCertificate.signProvider')}</div>
        <div>{st('scrapCertificate.signOwner')}</div>
      </div>
    </div>
  );
}
