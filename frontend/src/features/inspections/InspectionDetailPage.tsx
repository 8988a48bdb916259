import { CameraOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Image,
  Input,
  List,
  Radio,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth, useHasRole } from '../../auth/AuthContext';
import { formatDateTime } from '../../shared/format';
import { describeError } from '../../shared/errors';
import { PageHeader } from '../../shared/PageHeader';
import {
  inspectionKeys,
  inspectionsApi,
  photoDataUrl,
  type AssetLine,
  type CheckLine,
  type CheckResult,
  type InspectionDetail,
} from './api';
import { StatusTag, useKindLabel } from './InspectionsPage';
import { CheckPhoto } from './CheckPhoto';
import { SignaturePadField } from './SignaturePadField';
import { useStaffNames } from '../../shared/useStaffNames';

type Act = (run: () => Promise<InspectionDetail>) => void;

/** One checklist line on the phone: pass or fail, a note, a photo; a failed line shows the fault case it opened. */
function CheckCard({ id, line, editable, act }: { id: number; line: CheckLine; editable: boolean; act: Act }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<CheckResult | undefined>(line.result ?? undefined);
  const [note, setNote] = useState(line.note ?? '');
  const [photo, setPhoto] = useState<string | undefined>();
  const dirty = result !== (line.result ?? undefined) || note !== (line.note ?? '') || photo !== undefined;
  // a photo just taken is shown from its data URL until saved; a recorded one from its own URL (ADR 0082)
  const recorded = line.photoUrl ? <CheckPhoto url={line.photoUrl} testId={`check-photo-${line.id}`} /> : null;
  return (
    <Card size="small" className="inspection-check" data-testid={`check-${line.id}`} style={{ marginBottom: 8 }}>
      <Flex justify="space-between" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{line.item}</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {line.deviceName} · {t(`admin.deviceType.${line.deviceType}`)}
            </Typography.Text>
          </div>
          {line.method && <Typography.Text type="secondary">{line.method}</Typography.Text>}
        </div>
        <Space size={4} wrap>
          {line.automated && <Tag color="purple">{t('inspections.detail.automatedTag')}</Tag>}
          {line.probeQueuedAt && !line.result && (
            <Tag color="gold" data-testid={`check-queued-${line.id}`}>
              {t('inspections.detail.queuedForAgent')}
            </Tag>
          )}
          {line.result && (
            <Tag color={line.result === 'PASS' ? 'green' : 'red'}>{t(`inspection.result.${line.result}`)}</Tag>
          )}
        </Space>
      </Flex>
      {editable ? (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Radio.Group
            value={result}
            onChange={(e) => setResult(e.target.value as CheckResult)}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'PASS', label: t('inspections.detail.pass') },
              { value: 'FAIL', label: t('inspections.detail.fail') },
            ]}
          />
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={note}
            placeholder={t('inspections.detail.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
          <Space wrap>
            <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              <CameraOutlined />
              {t('inspections.detail.addPhoto')}
              <input
                type="file"
                accept="image/*"
                capture="environment"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void photoDataUrl(file).then(setPhoto);
                }}
              />
            </label>
            {photo ? <Image src={photo} width={64} height={64} style={{ objectFit: 'cover' }} /> : recorded}
            <Button
              type="primary"
              disabled={!result || !dirty}
              data-testid={`check-save-${line.id}`}
              onClick={() => act(() => inspectionsApi.check(id, line.id, result!, note.trim() || undefined, photo))}
            >
              {t('inspections.detail.saveLine')}
            </Button>
          </Space>
        </Flex>
      ) : (
        <>
          {line.note && <Typography.Paragraph style={{ margin: '8px 0 0' }}>{line.note}</Typography.Paragraph>}
          {recorded && <div style={{ marginTop: 8 }}>{recorded}</div>}
        </>
      )}
      {line.faultNumber && line.faultTicketId && (
        <div style={{ marginTop: 8 }}>
          <Link to={`/tickets/${line.faultTicketId}`}>
            {t('inspections.detail.fault', { number: line.faultNumber })}
          </Link>
        </div>
      )}
    </Card>
  );
}

/** PM-5: a device's record confirmed, or what is found on site; the asset keeper approves or rejects a correction. */
function AssetCard({
  id,
  line,
  editable,
  keeper,
  act,
}: {
  id: number;
  line: AssetLine;
  editable: boolean;
  keeper: boolean;
  act: Act;
}) {
  const { t } = useTranslation();
  const staffName = useStaffNames(useHasRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER', 'ADMIN'));
  const [correcting, setCorrecting] = useState(false);
  const [found, setFound] = useState({ model: '', serialNumber: '', location: '', ipAddress: '' });
  const [outOfService, setOutOfService] = useState(false);
  const [rejectNote, setRejectNote] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const dash = (v?: string | null) => v || '-';
  const decided = line.decision === 'APPROVED' || line.decision === 'REJECTED';
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`asset-${line.deviceId}`}>
      <Typography.Text strong>{line.deviceName}</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {t('inspections.detail.record', {
            model: dash(line.model),
            serial: dash(line.serialNumber),
            location: dash(line.location),
            ip: dash(line.ipAddress),
          })}
        </Typography.Text>
      </div>
      {line.confirmed === true && <Tag color="green">{t('inspections.detail.confirmed')}</Tag>}
      {line.confirmed === false && (
        <Tag color="orange" style={{ whiteSpace: 'normal' }}>
          {t('inspections.detail.corrected', {
            model: dash(line.foundModel),
            serial: dash(line.foundSerialNumber),
            location: dash(line.foundLocation),
            ip: dash(line.foundIpAddress),
          })}
          {line.foundOutOfService ? t('inspections.detail.foundOutOfService') : ''}
        </Tag>
      )}
      {line.decision && (
        <div style={{ marginTop: 4 }} data-testid={`asset-decision-${line.deviceId}`}>
          <Tag color={line.decision === 'APPROVED' ? 'green' : line.decision === 'REJECTED' ? 'red' : 'gold'}>
            {t(`inspection.decision.${line.decision}`)}
          </Tag>
          {decided && line.decidedAt && (
            <Typography.Text type="secondary">
              {t('inspections.detail.decidedBy', {
                name: staffName(line.decidedBy),
                at: formatDateTime(line.decidedAt),
              })}
            </Typography.Text>
          )}
          {line.decisionNote && <Typography.Paragraph style={{ margin: 0 }}>{line.decisionNote}</Typography.Paragraph>}
        </div>
      )}
      {keeper && line.decision === 'PROPOSED' && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Space wrap>
            <Button
              type="primary"
              data-testid={`asset-approve-${line.deviceId}`}
              onClick={() => act(() => inspectionsApi.decideAsset(id, line.deviceId, true))}
            >
              {t('inspections.detail.approveCorrection')}
            </Button>
            <Button danger onClick={() => setRejecting(!rejecting)}>
              {t('inspections.detail.rejectCorrection')}
            </Button>
          </Space>
          {rejecting && (
            <>
              <Input
                placeholder={t('inspections.detail.rejectReason')}
                value={rejectNote}
                maxLength={500}
                onChange={(e) => setRejectNote(e.target.value)}
              />
              <Button
                danger
                disabled={!rejectNote.trim()}
                onClick={() => act(() => inspectionsApi.decideAsset(id, line.deviceId, false, rejectNote.trim()))}
              >
                {t('inspections.detail.rejectSave')}
              </Button>
            </>
          )}
        </Flex>
      )}
      {editable && !decided && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Space wrap>
            <Button
              onClick={() => act(() => inspectionsApi.verifyAsset(id, { deviceId: line.deviceId, confirmed: true }))}
            >
              {t('inspections.detail.confirm')}
            </Button>
            <Button onClick={() => setCorrecting(!correcting)}>{t('inspections.detail.correct')}</Button>
          </Space>
          {correcting && (
            <>
              <Input
                placeholder={t('inspections.detail.model')}
                value={found.model}
                onChange={(e) => setFound({ ...found, model: e.target.value })}
              />
              <Input
                placeholder={t('inspections.detail.serial')}
                value={found.serialNumber}
                onChange={(e) => setFound({ ...found, serialNumber: e.target.value })}
              />
              <Input
                placeholder={t('inspections.detail.location')}
                value={found.location}
                onChange={(e) => setFound({ ...found, location: e.target.value })}
              />
              <Input
                placeholder={t('inspections.detail.ipAddress')}
                value={found.ipAddress}
                inputMode="decimal"
                onChange={(e) => setFound({ ...found, ipAddress: e.target.value })}
              />
              <Checkbox checked={outOfService} onChange={(e) => setOutOfService(e.target.checked)}>
                {t('inspections.detail.outOfService')}
              </Checkbox>
              <Button
                type="primary"
                onClick={() =>
                  act(() =>
                    inspectionsApi.verifyAsset(id, {
                      deviceId: line.deviceId,
                      confirmed: false,
                      model: found.model.trim() || undefined,
                      serialNumber: found.serialNumber.trim() || undefined,
                      location: found.location.trim() || undefined,
                      ipAddress: found.ipAddress.trim() || undefined,
                      outOfService: outOfService || undefined,
                    }),
                  )
                }
              >
                {t('inspections.detail.saveCorrection')}
              </Button>
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Agree the time (the desk from a call, the customer in the portal); again: move it to another day. */
function AgreeCard({ detail, act, customer }: { detail: InspectionDetail; act: Act; customer: boolean }) {
  const { t } = useTranslation();
  const s = detail.summary;
  const [at, setAt] = useState<Dayjs | null>(s.agreedAt ? dayjs(s.agreedAt) : null);
  return (
    <Card
      size="small"
      title={s.agreedAt ? t('inspections.detail.move') : t('inspections.detail.agree')}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {customer ? t('inspections.detail.agreeHelpCustomer') : t('inspections.detail.agreeHelpDesk')}
      </Typography.Paragraph>
      <Space wrap>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={at}
          onChange={setAt}
          disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
          data-testid="agree-at"
        />
        <Button
          type="primary"
          disabled={!at}
          data-testid="agree-save"
          onClick={() => act(() => inspectionsApi.agree(s.id, at!.toISOString(), s.version))}
        >
          {t('inspections.detail.agreeSave')}
        </Button>
      </Space>
    </Card>
  );
}

/** The customer's opinion and signature: in the portal by their sign-in, on the engineer's phone by hand. */
function SignCard({ detail, act, customer }: { detail: InspectionDetail; act: Act; customer: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [opinion, setOpinion] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const onSignature = useCallback((png: string | null) => setSignature(png), []);
  return (
    <Card size="small" title={t('inspections.detail.sign')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        <Input
          placeholder={t('inspections.detail.signerName')}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          data-testid="sign-name"
        />
        <Input.TextArea
          rows={3}
          placeholder={t('inspections.detail.opinion')}
          value={opinion}
          maxLength={2000}
          onChange={(e) => setOpinion(e.target.value)}
          data-testid="sign-opinion"
        />
        {!customer && (
          <>
            <Typography.Text>{t('inspections.detail.signHere')}</Typography.Text>
            <SignaturePadField onChange={onSignature} />
          </>
        )}
        <Button
          type="primary"
          disabled={!name.trim() || (!customer && !signature)}
          data-testid="sign-submit"
          onClick={() =>
            act(() =>
              inspectionsApi.sign(detail.summary.id, name.trim(), opinion.trim() || undefined, signature ?? undefined),
            )
          }
        >
          {t('inspections.detail.submitSign')}
        </Button>
      </Flex>
    </Card>
  );
}

/** One inspection (PM-4): faults last time, the agreed time, the checklist on the phone, sign-off, the report. */
export function InspectionDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { isCustomer, hasRole } = useAuth();
  const kindLabel = useKindLabel();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: inspectionKeys.detail(id), queryFn: () => inspectionsApi.get(id) });
  const [error, setError] = useState<string>();
  const mutation = useMutation({
    mutationFn: (run: () => Promise<InspectionDetail>) => run(),
    onSuccess: (d) => {
      setError(undefined);
      queryClient.setQueryData(inspectionKeys.detail(id), d);
      void queryClient.invalidateQueries({ queryKey: ['inspections'] });
    },
    onError: (e) => setError(describeError(e, t)),
  });
  const act: Act = (run) => mutation.mutate(run);
  if (query.isLoading) return <Spin />;
  if (query.error || !query.data) return <Alert type="error" showIcon message={describeError(query.error, t)} />;
  const d = query.data;
  const s = d.summary;
  const engineer = hasRole('ENGINEER', 'SUPERVISOR');
  const working = s.status === 'SCHEDULED' && engineer;
  const canAgree =
    (s.status === 'AWAITING_TIME' || s.status === 'SCHEDULED') && (isCustomer || hasRole('SERVICE_DESK', 'SUPERVISOR'));
  const canSign = s.status === 'AWAITING_SIGNATURE' && (isCustomer || hasRole('ENGINEER'));
  const hasReport = s.status === 'AWAITING_SIGNATURE' || s.status === 'DONE';
  return (
    <div className="inspection-detail">
      <Link to="/inspections">{t('inspections.detail.back')}</Link>
      <PageHeader
        title={kindLabel(s)}
        extra={
          hasReport && (
            <Button
              icon={<FilePdfOutlined />}
              onClick={() => void inspectionsApi.report(id).catch((e) => setError(describeError(e, t)))}
            >
              {t('inspections.detail.report')}
            </Button>
          )
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('inspections.customer')}>{s.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.site')}>{s.siteName ?? t('inspections.allSites')}</Descriptions.Item>
        {s.planName && <Descriptions.Item label={t('inspections.plan')}>{s.planName}</Descriptions.Item>}
        <Descriptions.Item label={t('inspections.window')}>{`${s.windowStart} ~ ${s.lastDay}`}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.agreedAt')}>
          {s.agreedAt ? formatDateTime(s.agreedAt) : t('inspections.notAgreed')}
          {s.timesMoved > 0 && ` (${t('inspections.detail.moved', { count: s.timesMoved })})`}
        </Descriptions.Item>
        {d.agreedVia && (
          <Descriptions.Item label={t('inspections.detail.via')}>
            {t(`inspection.via.${d.agreedVia}`)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('inspections.status')}>
          <StatusTag s={s} />
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.progress')}>
          {t('inspections.progressText', { checked: s.checked, items: s.items, failed: s.failed })}
        </Descriptions.Item>
      </Descriptions>
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="inspection-error" />
      )}
      {s.planId && (
        <Card size="small" title={t('inspections.detail.previousFaults')} style={{ marginBottom: 16 }}>
          {d.previousFaults.length === 0 ? (
            <Typography.Text type="secondary">{t('inspections.detail.noPreviousFaults')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={d.previousFaults}
              renderItem={(f) => (
                <List.Item>
                  {`${f.deviceName} · ${f.item}${f.note ? `：${f.note}` : ''}`}
                  {f.faultNumber && ` (${t('inspections.detail.fault', { number: f.faultNumber })})`}
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      {canAgree && <AgreeCard detail={d} act={act} customer={isCustomer} />}
      <Card
        size="small"
        title={t('inspections.detail.checklist')}
        style={{ marginBottom: 16 }}
        extra={
          working &&
          d.checks.some((c) => c.automated) && (
            <Button size="small" onClick={() => act(() => inspectionsApi.probe(id))} data-testid="run-probes">
              {t('inspections.detail.runProbes')}
            </Button>
          )
        }
      >
        {working && d.checks.some((c) => c.probeQueuedAt && !c.result) && (
          <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('inspections.detail.queuedHelp')} />
        )}
        {d.checks.map((c) => (
          <CheckCard key={`${c.id}-${c.checkedAt ?? ''}`} id={id} line={c} editable={working} act={act} />
        ))}
      </Card>
      {d.verifyAssets && (
        <Card size="small" title={t('inspections.detail.assets')} style={{ marginBottom: 16 }}>
          {working && (
            <Typography.Paragraph type="secondary">{t('inspections.detail.assetsHelp')}</Typography.Paragraph>
          )}
          {d.assets.map((a) => (
            <AssetCard
              key={`${a.deviceId}-${String(a.confirmed)}-${a.decision ?? ''}`}
              id={id}
              line={a}
              editable={working}
              keeper={hasRole('PROCESS_OWNER', 'ADMIN')}
              act={act}
            />
          ))}
        </Card>
      )}
      {working && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('inspections.detail.finishHelp')}</Typography.Paragraph>
          <Button
            type="primary"
            block
            onClick={() => act(() => inspectionsApi.finish(id))}
            data-testid="finish-checklist"
          >
            {t('inspections.detail.finish')}
          </Button>
        </Card>
      )}
      {canSign && <SignCard detail={d} act={act} customer={isCustomer} />}
      {d.signedAt && (
        <Card size="small" title={t('inspections.detail.sign')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph>
            {t('inspections.detail.signedBy', { name: d.signerName, at: formatDateTime(d.signedAt) })}
          </Typography.Paragraph>
          {d.opinion && <Typography.Paragraph>{d.opinion}</Typography.Paragraph>}
          {d.signature && (
            <img src={d.signature} alt={t('inspections.detail.signHere')} style={{ maxWidth: '100%', height: 90 }} />
          )}
        </Card>
      )}
    </div>
  );
}
