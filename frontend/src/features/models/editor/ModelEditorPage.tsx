import {
  ArrowLeftOutlined,
  CloudUploadOutlined,
  DiffOutlined,
  DownloadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Flex, Segmented, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, saveBlob } from '../../../api/client';
import { modelKeys, modelsApi } from '../../../api/models';
import type { ElementChange, Model, ModelVersion, ModelViolation } from '../../../api/types';
import { useAuth } from '../../../auth/AuthContext';
import { describeError } from '../../../shared/errors';
import { PageHeader } from '../../../shared/PageHeader';
import type { DeployedState } from '../ModelsPage';
import { KindTag } from '../tags';
import { ChangesList, ViolationsList } from './CheckResults';
import { DeployDialog, type DeployOutcome } from './DeployDialog';
import './editor.css';
import type { CreateModeler, LintCounts, ModelerHandle } from './modeler';
import { nameInLanguage } from '../../../shared/format';

/** CSS classes put on changed and added elements of the canvas (editor.css). */
export const MARKER_CLASSES: Record<string, string> = { ADDED: 'wb-marker-added', CHANGED: 'wb-marker-changed' };

/** The modeler for a kind of model, each in its own chunk. */
async function loadModeler(kind: string): Promise<CreateModeler> {
  if (kind === 'DECISION') return (await import('./dmnModeler')).createDmnModeler;
  return (await import('./bpmnModeler')).createBpmnModeler;
}

interface EditorData {
  xml: string;
  kind: string;
  fileName: string;
  model?: Model;
  version?: ModelVersion;
}

async function loadEditorData(definitionId: string): Promise<EditorData> {
  const [xml, models] = await Promise.all([modelsApi.xml(definitionId), modelsApi.list()]);
  const model = models.find((m) => m.versions?.some((v) => v.definitionId === definitionId));
  const version = model?.versions.find((v) => v.definitionId === definitionId);
  // Without a summary (e.g. the list changed meanwhile), tell the kind from the XML itself.
  const kind =
    model?.kind ?? (/dmn/i.test(xml.slice(0, 2000)) && !/bpmn/i.test(xml.slice(0, 2000)) ? 'DECISION' : 'PROCESS');
  const key = model?.key ?? definitionId.split(':')[0];
  const fileName = model?.resourceName || `${key}.${kind === 'DECISION' ? 'dmn' : 'bpmn'}`;
  return { xml, kind, fileName, model, version };
}

/** Violations shown in the panel: from the last check or from a rejected deployment. */
interface ViolationsState {
  list: ModelViolation[];
  from: 'check' | 'deploy';
  detail?: string;
  atEdit: number;
}

interface ChangesState {
  list: ElementChange[];
  baseVersion: number | null;
  atEdit: number;
}

type Panel = 'violations' | 'changes' | undefined;

export default function ModelEditorPage() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const { definitionId = '' } = useParams();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canDeploy = hasRole('PROCESS_OWNER');

  const queryClient = useQueryClient();
  // Loaded once per definition: the canvas holds the user's edits, so a refetch (window focus, a deployment
  // elsewhere) must not import the XML again underneath them.
  const data = useQuery({
    queryKey: modelKeys.editor(definitionId),
    queryFn: () => loadEditorData(definitionId),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ModelerHandle>();
  const [ready, setReady] = useState(false);
  const [modelerError, setModelerError] = useState<string>();
  const [importWarnings, setImportWarnings] = useState<string[]>([]);
  const [edits, setEdits] = useState(0);
  const [lint, setLint] = useState<LintCounts>();
  const [, setViewsTick] = useState(0);

  const [panel, setPanel] = useState<Panel>();
  const [violations, setViolations] = useState<ViolationsState>();
  const [changes, setChanges] = useState<ChangesState>();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string>();
  const [deployOpen, setDeployOpen] = useState(false);
  const [deployComment, setDeployComment] = useState('');

  const loaded = data.data;
  const kind = loaded?.kind;
  const dirty = edits > 0;

  // Create the modeler once the XML is here and the canvas is on the page.
  useEffect(() => {
    if (!loaded || !canvasRef.current) return;
    let cancelled = false;
    let handle: ModelerHandle | undefined;
    setReady(false);
    setModelerError(undefined);
    setEdits(0);
    setLint(undefined);
    void (async () => {
      try {
        const create = await loadModeler(loaded.kind);
        if (cancelled || !canvasRef.current) return;
        const created = await create({
          canvas: canvasRef.current,
          properties: propertiesRef.current,
          xml: loaded.xml,
          onChange: () => setEdits((n) => n + 1),
          onLint: (counts) => setLint(counts),
          onViews: () => setViewsTick((n) => n + 1),
        });
        handle = created.handle;
        if (cancelled) {
          handle.destroy();
          return;
        }
        handleRef.current = handle;
        setImportWarnings(created.warnings);
        setReady(true);
      } catch (e) {
        if (!cancelled) setModelerError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      handle?.destroy();
      handleRef.current = undefined;
    };
  }, [loaded]);

  // Leaving the page (reload, closing the tab) with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Changed and added elements are marked on the canvas while the changes list is open.
  useEffect(() => {
    const handle = handleRef.current;
    if (!handle || !ready) return;
    if (panel === 'changes' && changes) {
      handle.setMarkers(
        changes.list
          .filter((c) => MARKER_CLASSES[c.change])
          .map((c) => ({ elementId: c.elementId, className: MARKER_CLASSES[c.change] })),
      );
    } else {
      handle.setMarkers([]);
    }
  }, [panel, changes, ready]);

  const runCheck = useCallback(async () => {
    const handle = handleRef.current;
    if (!handle || !loaded) return undefined;
    setChecking(true);
    setCheckError(undefined);
    try {
      const xml = await handle.saveXML();
      const result = await modelsApi.check({ fileName: loaded.fileName, xml });
      setViolations({ list: result.violations ?? [], from: 'check', atEdit: edits });
      setChanges({ list: result.changes ?? [], baseVersion: result.baseVersion ?? null, atEdit: edits });
      return result;
    } catch (e) {
      setCheckError(describeError(e, t));
      return undefined;
    } finally {
      setChecking(false);
    }
  }, [loaded, edits, t]);

  const check = async () => {
    if (await runCheck()) setPanel('violations');
  };

  const showChanges = async () => {
    if (panel === 'changes') {
      setPanel(undefined);
      return;
    }
    if (!changes || changes.atEdit !== edits) await runCheck();
    setPanel('changes');
  };

  const download = async () => {
    const handle = handleRef.current;
    if (!handle || !loaded) return;
    try {
      const xml = await handle.saveXML();
      saveBlob(new Blob([xml], { type: 'application/xml' }), loaded.fileName);
    } catch (e) {
      message.error(describeError(e, t));
    }
  };

  const onDeployed = (outcome: DeployOutcome) => {
    setDeployOpen(false);
    if (outcome.kind === 'rejected') {
      setViolations({ list: outcome.violations, from: 'deploy', detail: outcome.detail, atEdit: edits });
      setPanel('violations');
      return;
    }
    setEdits(0);
    void queryClient.invalidateQueries({ queryKey: modelKeys.all });
    const state: DeployedState = { deployed: outcome.deployment.definitions };
    void navigate('/models', { state });
  };

  const back = () => {
    if (!dirty) {
      void navigate('/models');
      return;
    }
    modal.confirm({
      title: t('editor.leaveTitle'),
      content: t('editor.leaveText'),
      okText: t('editor.leave'),
      cancelText: t('editor.stay'),
      okButtonProps: { danger: true },
      onOk: () => navigate('/models'),
    });
  };

  const deploy = async (comment: string): Promise<DeployOutcome> => {
    const handle = handleRef.current;
    if (!handle || !loaded) throw new Error(t('editor.notReady'));
    const xml = await handle.saveXML();
    try {
      const deployment = await modelsApi.deploy({ fileName: loaded.fileName, xml, comment });
      return { kind: 'deployed', deployment };
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        return { kind: 'rejected', violations: e.problem.violations ?? [], detail: e.problem.detail ?? e.message };
      }
      if (e instanceof ApiError && e.status === 413) throw new Error(t('editor.tooLarge'));
      throw e;
    }
  };

  const selectViolation = (v: ModelViolation) => {
    if (!v.elementId || kind !== 'PROCESS') return;
    if (!handleRef.current?.selectElement(v.elementId))
      message.info(t('editor.elementNotOnCanvas', { id: v.elementId }));
  };

  const model = loaded?.model;
  const version = loaded?.version;
  const handle = handleRef.current;
  const views = ready && handle ? handle.views() : [];
  const lintTotal = lint ? lint.errors + lint.warnings : 0;
  const stale = (atEdit: number | undefined) => atEdit !== undefined && atEdit !== edits;

  const title = (
    <Space wrap>
      <span data-testid="editor-title">{model?.name ? nameInLanguage(model.name, i18n.language) : definitionId}</span>
      {kind && <KindTag kind={kind} />}
      {version && <Tag>{t('models.versionLabel', { version: version.version })}</Tag>}
      {dirty && (
        <Tag color="orange" data-testid="editor-dirty">
          {t('editor.unsaved')}
        </Tag>
      )}
    </Space>
  );

  if (data.error) {
    return (
      <>
        <PageHeader title={t('editor.title')} extra={<BackButton onClick={() => void navigate('/models')} />} />
        <Alert
          type="error"
          showIcon
          message={t('common.loadFailed', { message: describeError(data.error, t) })}
          data-testid="editor-error"
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} extra={<BackButton onClick={back} />} />
      {model && version && version.version !== model.latestVersion && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('editor.olderVersion', { version: version.version, latest: model.latestVersion })}
          data-testid="editor-older-version"
        />
      )}
      <Flex className="model-editor-toolbar" gap={8} wrap align="center" data-testid="editor-toolbar">
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => void check()}
          loading={checking}
          disabled={!ready}
          data-testid="editor-check"
        >
          {t('editor.check')}
        </Button>
        <Button
          icon={<DiffOutlined />}
          onClick={() => void showChanges()}
          disabled={!ready || checking}
          type={panel === 'changes' ? 'primary' : 'default'}
          ghost={panel === 'changes'}
          data-testid="editor-changes"
        >
          {t('editor.changes')}
          {changes && !stale(changes.atEdit) ? ` (${changes.list.length})` : ''}
        </Button>
        <Tooltip title={canDeploy ? undefined : t('editor.deployOwnerOnly')}>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            onClick={() => setDeployOpen(true)}
            disabled={!ready || !canDeploy}
            data-testid="editor-deploy"
          >
            {t('editor.deploy')}
          </Button>
        </Tooltip>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void download()}
          disabled={!ready}
          data-testid="editor-download"
        >
          {t('editor.download')}
        </Button>
        {kind === 'PROCESS' && (
          <Tooltip title={t('editor.lintHelp')}>
            <span data-testid="lint-count" data-errors={lint?.errors ?? ''} data-warnings={lint?.warnings ?? ''}>
              <Badge
                count={lint ? lintTotal : '…'}
                showZero
                color={!lint ? 'gray' : lint.errors ? 'red' : lint.warnings ? 'orange' : 'green'}
              >
                <Tag className="model-editor-lint-tag">
                  {lint ? t('editor.lintCount', { errors: lint.errors, warnings: lint.warnings }) : t('editor.lint')}
                </Tag>
              </Badge>
            </span>
          </Tooltip>
        )}
        {views.length > 1 && (
          <Segmented
            value={handle?.activeView()}
            onChange={(id) => void handle?.openView(String(id))}
            options={views.map((v) => ({
              value: v.id,
              label: v.type === 'drd' ? t('editor.drdView') : v.name,
            }))}
            data-testid="editor-views"
          />
        )}
      </Flex>

      {checkError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setCheckError(undefined)}
          style={{ marginBottom: 12 }}
          message={t('editor.checkFailed', { message: checkError })}
        />
      )}
      {importWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          message={t('editor.importWarnings', { count: importWarnings.length })}
          description={importWarnings.slice(0, 5).join(' · ')}
        />
      )}

      {panel === 'violations' && violations && (
        <Card
          size="small"
          className="model-editor-panel"
          title={violations.from === 'deploy' ? t('editor.deployRejected') : t('editor.violationsTitle')}
          extra={<PanelExtra stale={stale(violations.atEdit)} onClose={() => setPanel(undefined)} />}
        >
          {violations.from === 'deploy' && violations.detail && (
            <Alert
              type="error"
              showIcon
              message={violations.detail}
              style={{ marginBottom: 8 }}
              data-testid="deploy-rejected"
            />
          )}
          <ViolationsList violations={violations.list} onSelect={kind === 'PROCESS' ? selectViolation : undefined} />
        </Card>
      )}
      {panel === 'changes' && changes && (
        <Card
          size="small"
          className="model-editor-panel"
          title={
            changes.baseVersion != null
              ? t('editor.changesTitle', { version: changes.baseVersion })
              : t('editor.changesTitleNew')
          }
          extra={<PanelExtra stale={stale(changes.atEdit)} onClose={() => setPanel(undefined)} />}
        >
          <ChangesList
            changes={changes.list}
            onSelect={kind === 'PROCESS' ? (id) => handleRef.current?.selectElement(id) : undefined}
          />
        </Card>
      )}

      {modelerError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('editor.openFailed', { message: modelerError })}
          data-testid="editor-error"
        />
      )}
      <Spin spinning={data.isFetching || (!ready && !modelerError)}>
        <div className={`model-editor ${kind === 'DECISION' ? 'model-editor-dmn' : 'model-editor-bpmn'}`}>
          <div className="model-editor-canvas" ref={canvasRef} data-testid="editor-canvas" data-ready={ready} />
          {kind !== 'DECISION' && (
            <div className="model-editor-properties" ref={propertiesRef} data-testid="editor-properties" />
          )}
        </div>
      </Spin>

      {deployOpen && loaded && (
        <DeployDialog
          fileName={loaded.fileName}
          latestVersion={model?.latestVersion}
          comment={deployComment}
          onCommentChange={setDeployComment}
          deploy={deploy}
          onDone={onDeployed}
          onCancel={() => setDeployOpen(false)}
        />
      )}
    </>
  );
}

function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={onClick} data-testid="editor-back">
      {t('editor.back')}
    </Button>
  );
}

function PanelExtra({ stale, onClose }: { stale: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      {stale && <Typography.Text type="warning">{t('editor.stale')}</Typography.Text>}
      <Button size="small" type="text" onClick={onClose}>
        {t('editor.closePanel')}
      </Button>
    </Space>
  );
}
