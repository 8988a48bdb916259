import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { describeError } from './errors';
import './printableSheet.css';

interface PageProps {
  /** data-testid of the page; the toolbar's buttons are `${testId}-print` / `${testId}-pdf` unless given. */
  testId: string;
  printTestId?: string;
  pdfTestId?: string;
  errorTestId?: string;
  /** What a 404 says (default: not found). */
  notFoundText?: string;
  /** More controls in the toolbar (e.g. the sheet's language). */
  extra?: ReactNode;
  /** Where "back" goes (the ticket) and its words. */
  backTo: string;
  backLabel: string;
  /** The sheets are loaded: print and PDF are enabled. */
  ready: boolean;
  error?: unknown;
  /** Saves the server's PDF; no PDF button without it. */
  onPdf?: () => Promise<unknown>;
  children?: ReactNode;
}

/**
 * A printable page (ADR 0028): the toolbar (back to the case, 打印, 下载 PDF) and the A4 sheets below it, one
 * stylesheet for the service form, the repair slip and the scrap certificate. On paper only the sheets print (the
 * app's header and the toolbar are hidden); on a phone the sheets' grids fold to two columns, no sideways scrolling.
 */
export function PrintPage({
  testId,
  printTestId,
  pdfTestId,
  errorTestId,
  notFoundText,
  extra,
  backTo,
  backLabel,
  ready,
  error,
  onPdf,
  children,
}: PageProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const downloadPdf = async () => {
    if (!onPdf) return;
    setDownloading(true);
    try {
      await onPdf();
    } catch (e) {
      void message.error(t('common.loadFailed', { message: describeError(e, t) }));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <div className="sf-page" data-testid={testId}>
      <Space wrap className="sf-toolbar" data-testid={`${testId}-toolbar`}>
        <Link to={backTo}>
          <ArrowLeftOutlined /> {backLabel}
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!ready}
          data-testid={printTestId ?? `${testId}-print`}
        >
          {t('serviceFormPage.print')}
        </Button>
        {onPdf && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadPdf()}
            loading={downloading}
            disabled={!ready}
            data-testid={pdfTestId ?? `${testId}-pdf`}
          >
            {t('serviceFormPage.downloadPdf')}
          </Button>
        )}
        {extra}
      </Space>
      {ready ? (
        children
      ) : error ? (
        <Alert
          type="error"
          showIcon
          data-testid={errorTestId ?? `${testId}-error`}
          message={
            error instanceof ApiError && error.status === 404
              ? (notFoundText ?? t('common.notFound'))
              : t('common.loadFailed', { message: describeError(error, t) })
          }
        />
      ) : (
        <Spin size="large" style={{ display: 'block', marginTop: 80 }} />
      )}
    </div>
  );
}

/** A label and its value as two cells of a sheet's grid; an empty value is a blank line to fill in by hand. */
export function SheetField({
  label,
  value,
  wide,
  lines = 1,
  testId,
}: {
  label: string;
  value?: ReactNode;
  wide?: boolean;
  lines?: number;
  testId?: string;
}) {
  const blank = value === undefined || value === null || value === '';
  return (
    <>
      <div className="sf-label">{label}</div>
      <div
        className={`sf-value${wide ? ' sf-wide' : ''}${blank ? ' sf-blank' : ''}`}
        style={blank ? { minHeight: `${1.8 * lines}em` } : undefined}
        data-testid={testId}
      >
        {blank ? '' : value}
      </div>
    </>
  );
}
