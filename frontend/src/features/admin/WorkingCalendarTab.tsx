import { Alert, App, Button, Card, Input, Modal, Radio, Space, Spin, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { acceptLanguage } from '../../i18n';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { makeUpDaysText, offDaysText } from './holidayDays';
import {
  holidayKeys,
  holidaysApi,
  type HolidayGroup,
  type HolidayPreview,
  type RetimingFailure,
  type RetimingToCheck,
  type SkippedCase,
} from './holidaysApi';
import { ResponsiveTable } from './ResponsiveTable';
import { useStaffNames } from '../../shared/useStaffNames';

/** A year's holidays by name: the off days as ranges, the make-up workdays with their weekday. */
function HolidayTable({ groups, testId }: { groups: HolidayGroup[]; testId: string }) {
  const { t } = useTranslation();
  const locale = acceptLanguage();
  return (
    <ResponsiveTable<HolidayGroup>
      testId={testId}
      rows={groups}
      rowKey={(g) => g.name || '-'}
      empty={t('holidays.empty')}
      columns={[
        { key: 'name', title: t('holidays.holiday'), render: (g) => g.name || t('holidays.unnamed') },
        {
          key: 'off',
          title: t('holidays.offDays'),
          render: (g) =>
            g.offDays.length === 0
              ? t('holidays.none')
              : t('holidays.offDaysWithCount', { days: offDaysText(g.offDays, locale), count: g.offDays.length }),
        },
        {
          key: 'makeUp',
          title: t('holidays.makeUpDays'),
          render: (g) => (g.makeUpDays.length === 0 ? t('holidays.none') : makeUpDaysText(g.makeUpDays, locale)),
        },
      ]}
    />
  );
}

/**
 * What the admin reads once a year is imported: how many open cases' deadlines moved with it (ADR 0075), and whether
 * the rest is still being done in the background (ADR 0078).
 */
function importedMessage(
  year: number,
  openCasesRetimed: number | undefined,
  openCasesNotRetimed: number | undefined,
  retimingPending: boolean | undefined,
  t: TFunction,
): string {
  if (retimingPending)
    return openCasesRetimed
      ? t('holidays.importedRetimingPending', { year, count: openCasesRetimed })
      : t('holidays.importedRetimingPendingNone', { year });
  if (openCasesNotRetimed)
    return openCasesRetimed
      ? t('holidays.importedSomeNotRetimed', { year, count: openCasesRetimed, notRetimed: openCasesNotRetimed })
      : t('holidays.importedNoneRetimedSomeNot', { year, count: openCasesNotRetimed });
  return openCasesRetimed
    ? t('holidays.importedRetimed', { year, count: openCasesRetimed })
    : t('holidays.importedNoneRetimed', { year });
}

/** Choose or paste a holiday-cn document, see what the server reads in it, then import it (replacing that year). */
function ImportModal({ onClose, onImported }: { onClose: () => void; onImported: (year: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [preview, setPreview] = useState<HolidayPreview>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const change = (next: string, name?: string) => {
    setText(next);
    setFileName(name);
    setPreview(undefined);
    setError(undefined);
  };

  const check = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setPreview(await holidaysApi.preview(text));
    } catch (e) {
      setPreview(undefined);
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const { year, openCasesRetimed, openCasesNotRetimed, retimingPending } = await holidaysApi.importYear(text);
      const said = importedMessage(year, openCasesRetimed, openCasesNotRetimed, retimingPending, t);
      if (openCasesNotRetimed) message.warning(said, 8);
      else message.success(said);
      onImported(year);
    } catch (e) {
      setError(t('holidays.failed', { message: describeError(e, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('holidays.importTitle')}
      onCancel={onClose}
      maskClosable={false}
      width={720}
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('admin.cancel')}</Button>
          <Button
            onClick={() => void check()}
            disabled={!text.trim()}
            loading={busy && !preview}
            data-testid="holiday-preview"
          >
            {t('holidays.preview')}
          </Button>
          <Button
            type="primary"
            onClick={() => void confirm()}
            disabled={!preview}
            loading={busy && !!preview}
            data-testid="holiday-confirm"
          >
            {preview ? t('holidays.confirm', { year: preview.year }) : t('holidays.import')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('holidays.importHelp')}
        </Typography.Paragraph>
        <Space wrap>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              file
                .text()
                .then((content) => change(content, file.name))
                .catch(() => setError(t('holidays.readFailed')));
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="holiday-file">
              {t('holidays.chooseFile')}
            </Button>
          </Upload>
          {fileName && (
            <Typography.Text type="secondary">{t('holidays.fileChosen', { name: fileName })}</Typography.Text>
          )}
        </Space>
        <Typography.Text>{t('holidays.pasteLabel')}</Typography.Text>
        <Input.TextArea
          value={text}
          onChange={(e) => change(e.target.value)}
          rows={6}
          spellCheck={false}
          placeholder={'{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, …]}'}
          style={{ fontFamily: 'monospace' }}
          data-testid="holiday-text"
        />
        {error && <Alert type="error" showIcon message={error} data-testid="holiday-error" />}
        {!preview && !error && text.trim() && (
          <Typography.Text type="secondary">{t('holidays.previewFirst')}</Typography.Text>
        )}
        {preview && (
          <>
            <Alert
              type={preview.replaces ? 'warning' : 'info'}
              showIcon
              data-testid="holiday-preview-summary"
              message={t('holidays.previewTitle', {
                year: preview.year,
                offDays: preview.offDays,
                makeUpDays: preview.makeUpDays,
              })}
              description={
                <>
                  <div>
                    {preview.replaces === 'SHIPPED'
                      ? t('holidays.replacesShipped', { year: preview.year })
                      : preview.replaces === 'IMPORTED'
                        ? t('holidays.replacesImported', { year: preview.year })
                        : t('holidays.newYear', { year: preview.year })}
                  </div>
                  <div data-testid="holiday-preview-retimes">
                    {preview.openCasesToRetime > 0
                      ? t('holidays.retimes', { count: preview.openCasesToRetime })
                      : t('holidays.retimesNone')}
                  </div>
                  {!!preview.openCasesNotRetimable && (
                    <div data-testid="holiday-preview-not-retimable">
                      {t('holidays.retimesFailing', { count: preview.openCasesNotRetimable })}
                    </div>
                  )}
                </>
              }
            />
            <HolidayTable groups={preview.holidays} testId="holiday-preview-table" />
          </>
        )}
      </Space>
    </Modal>
  );
}

/** Why, in the reader's language: a kind the page knows, else the words for an error it does not recognise. */
const REASONS: readonly RetimingFailure[] = [
  'CASE_TIME_ZONE',
  'CASE_TIMES',
  'CASE_DATA',
  'CONCURRENT_CHANGE',
  'DATABASE_UNAVAILABLE',
  'PROCESS_ENGINE',
  'HOLIDAY_DOCUMENT',
  'NODE_STOPPED',
  'OTHER',
];
function reasonText(reason: RetimingFailure | null | undefined, t: TFunction): string {
  return t(`holidays.reasons.${reason && REASONS.includes(reason) ? reason : 'OTHER'}`);
}

/**
 * One skipped case: its number (a link to the case), why it was skipped, when, and for an admin a button that re-times
 * it once the cause is mended (ADR 0086). The server re-times it once however often it is clicked.
 */
function SkippedCaseLine({ runId, item, canEdit }: { runId: number; item: SkippedCase; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const retime = async () => {
    setBusy(true);
    try {
      const done = await holidaysApi.retimeSkipped(runId, item.id);
      message.success(
        t(done.moved ? 'holidays.caseRetimed' : 'holidays.caseRetimedUnchanged', { number: item.number }),
      );
    } catch (e) {
      message.error(describeError(e, t), 8);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: holidayKeys.retimings });
    }
  };
  return (
    <li
      data-testid="holiday-skipped-case"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '2px 12px', padding: '4px 0' }}
    >
      <Link to={`/tickets/${item.id}`} style={{ fontWeight: 500 }}>
        {item.number}
      </Link>
      <span style={{ flex: '1 1 260px', minWidth: 0, overflowWrap: 'anywhere' }}>
        {t('holidays.reasonLine', { reason: reasonText(item.reason, t) })}
        {item.skippedAt && (
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('holidays.skippedAt', { time: formatDateTime(item.skippedAt) })}
          </Typography.Text>
        )}
      </span>
      {canEdit && (
        <Button size="small" onClick={() => void retime()} loading={busy} data-testid="holiday-skipped-retime">
          {t('holidays.retimeCase')}
        </Button>
      )}
    </li>
  );
}

/**
 * A re-timing someone has to act on (ADR 0083): given up after repeated failures (an admin can have it run again), or
 * finished (or running) with open cases it could not re-time, listed by number so a supervisor can check each deadline.
 */
function RetimingNotice({ run, canEdit }: { run: RetimingToCheck; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      await holidaysApi.retry(run.id);
      message.success(t('holidays.retried'));
    } catch (e) {
      message.error(describeError(e, t));
    } finally {
      setBusy(false);
      // the coverage's key is the prefix of the re-timings' and the years': all are read again
      await queryClient.invalidateQueries({ queryKey: holidayKeys.coverage });
    }
  };
  const skipped = run.openCasesNotRetimed > 0 && (
    <div data-testid="holiday-not-retimed">
      <div>{t(canEdit ? 'holidays.notRetimedHintAdmin' : 'holidays.notRetimedHint')}</div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {run.notRetimed.map((c) => (
          <SkippedCaseLine key={c.id} runId={run.id} item={c} canEdit={canEdit} />
        ))}
      </ul>
      {run.openCasesNotRetimed > run.notRetimed.length && (
        <Typography.Text type="secondary">
          {t('holidays.notRetimedMore', { count: run.openCasesNotRetimed })}
        </Typography.Text>
      )}
    </div>
  );
  if (run.givenUp) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="holiday-retiming-gave-up"
        message={t('holidays.retimingGaveUp', { year: run.year })}
        description={
          <Space direction="vertical" style={{ width: '100%' }}>
            <div data-testid="holiday-retiming-reason">
              {t('holidays.reasonLine', { reason: reasonText(run.reason, t) })}
            </div>
            <div>
              {run.openCasesRetimed > 0
                ? t('holidays.retimingGaveUpHint', { count: run.openCasesRetimed })
                : t('holidays.retimingGaveUpHintNone')}
            </div>
            <div>{canEdit ? t('holidays.retimingGaveUpAdmin') : t('holidays.retimingGaveUpAskAdmin')}</div>
            {skipped}
            {canEdit && (
              <Button onClick={() => void retry()} loading={busy} data-testid="holiday-retiming-retry">
                {t('holidays.retry')}
              </Button>
            )}
          </Space>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="holiday-retiming-skipped"
      message={t(run.finished ? 'holidays.notRetimedFinished' : 'holidays.notRetimedSoFar', {
        year: run.year,
        count: run.openCasesNotRetimed,
      })}
      description={skipped}
    />
  );
}

/**
 * 工作日历: which years the working-time deadlines know, each year's holidays and make-up workdays, where they came
 * from; admins import the next year from the State Council's notice (holiday-cn JSON). Supervisors look.
 */
export function WorkingCalendarTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const staffName = useStaffNames();
  const queryClient = useQueryClient();
  const coverage = useQuery({
    queryKey: holidayKeys.coverage,
    queryFn: () => holidaysApi.coverage(),
    // while a re-timing is owed, look again now and then so the notice goes once a node has finished it
    refetchInterval: (query) => (query.state.data?.retimingPending?.length ? 30_000 : false),
  });
  const retimings = useQuery({
    queryKey: holidayKeys.retimings,
    queryFn: () => holidaysApi.retimings(),
    refetchInterval: coverage.data?.retimingPending?.length ? 30_000 : false,
  });
  const years = coverage.data?.yearsCovered ?? [];
  const missing = coverage.data?.missingYears ?? [];
  const retiming = coverage.data?.retimingPending ?? [];
  const [picked, setPicked] = useState<number>();
  const year = picked != null && years.includes(picked) ? picked : years[years.length - 1];
  const detail = useQuery({
    queryKey: holidayKeys.year(year ?? 0),
    queryFn: () => holidaysApi.year(year!),
    enabled: year != null,
  });
  const [importing, setImporting] = useState(false);

  const imported = async (importedYear: number) => {
    setImporting(false);
    await queryClient.invalidateQueries({ queryKey: holidayKeys.coverage });
    setPicked(importedYear);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="working-calendar">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('holidays.intro')}
      </Typography.Paragraph>
      {coverage.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(coverage.error, t) })} />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="holiday-missing"
          message={t('holidays.missing', { years: missing.join('、') })}
          description={t('holidays.missingHint')}
        />
      )}
      {retiming.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="holiday-retiming"
          message={t('holidays.retimingPending', { years: retiming.join('、') })}
        />
      )}
      {/* a re-timing given up first: it leaves cases on the old calendar until someone acts */}
      {[...(retimings.data ?? [])]
        .sort((a, b) => Number(b.givenUp) - Number(a.givenUp) || a.id - b.id)
        .map((run) => (
          <RetimingNotice key={run.id} run={run} canEdit={canEdit} />
        ))}
      {canEdit && (
        <Button type="primary" onClick={() => setImporting(true)} data-testid="holiday-import">
          {t('holidays.import')}
        </Button>
      )}
      {coverage.isLoading && <Spin />}
      {years.length > 0 && (
        <Space wrap align="center">
          <Typography.Text strong>{t('holidays.years')}</Typography.Text>
          <Radio.Group
            value={year}
            onChange={(e) => setPicked(e.target.value as number)}
            optionType="button"
            data-testid="holiday-years"
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          {missing.map((y) => (
            <Typography.Text key={y} type="warning">
              {t('holidays.notImported', { year: y })}
            </Typography.Text>
          ))}
        </Space>
      )}
      {year != null && (
        <Card
          size="small"
          title={t('holidays.yearTitle', { year })}
          extra={
            detail.data && (
              <Typography.Text type="secondary">
                {t('holidays.summary', { offDays: detail.data.offDays, makeUpDays: detail.data.makeUpDays })}
              </Typography.Text>
            )
          }
          data-testid="holiday-year"
        >
          {detail.error && (
            <Alert
              type="error"
              showIcon
              message={t('common.loadFailed', { message: describeError(detail.error, t) })}
            />
          )}
          {detail.isLoading && <Spin />}
          {detail.data && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text data-testid="holiday-source">
                {t('holidays.sourceLine', {
                  source:
                    detail.data.source === 'IMPORTED'
                      ? t('holidays.importedBy', {
                          user: staffName(detail.data.importedBy),
                          time: formatDateTime(detail.data.importedAt),
                        })
                      : t('holidays.shipped'),
                })}
              </Typography.Text>
              <HolidayTable groups={detail.data.holidays} testId="holiday-table" />
            </Space>
          )}
        </Card>
      )}
      {importing && <ImportModal onClose={() => setImporting(false)} onImported={(y) => void imported(y)} />}
    </Space>
  );
}
