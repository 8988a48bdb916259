import { Alert, App, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { useAdminRefresh } from './useAdminRefresh';
import {
  adminApi,
  adminKeys,
  REGIONS,
  type Account,
  type AdminEngineer,
  type AdminTeam,
  type EngineerInput,
  type TeamInput,
} from './api';
import { FormModal } from './FormModal';
import { ResponsiveTable } from './ResponsiveTable';

const ENGINEER_FIELDS = ['username', 'displayName', 'phone', 'region', 'skills', 'teamId'];
const TEAM_FIELDS = ['name', 'region', 'skills', 'leadUsername'];

function Skills({ skills }: { skills: string[] }) {
  const { t } = useTranslation();
  if (skills.length === 0) return <>{t('common.empty')}</>;
  return (
    <Space size={[0, 4]} wrap>
      {skills.map((s) => (
        <Tag key={s}>{s}</Tag>
      ))}
    </Space>
  );
}

interface EngineerFormProps {
  engineer?: AdminEngineer;
  accounts: Account[];
  teams: AdminTeam[];
  onSaved: () => void;
  onClose: () => void;
}

/** Put an account on the roster, or change an engineer's region, skills (tags) and team. */
export function EngineerForm({ engineer, accounts, teams, onSaved, onClose }: EngineerFormProps) {
  const { t } = useTranslation();
  const regionOptions = REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }));
  return (
    <FormModal<EngineerInput>
      open
      title={t(engineer ? 'admin.engineers.edit' : 'admin.engineers.add')}
      initialValues={engineer ?? { skills: [] }}
      fields={ENGINEER_FIELDS}
      onSubmit={async (v) => {
        const body = {
          ...v,
          phone: v.phone || undefined,
          displayName: v.displayName || undefined,
          skills: v.skills ?? [],
        };
        if (engineer) await adminApi.editEngineer(engineer.id, body);
        else await adminApi.createEngineer(body);
        onSaved();
      }}
      onClose={onClose}
      testId="engineer-form"
    >
      <Form.Item
        name="username"
        label={t('admin.engineers.account')}
        extra={engineer ? undefined : t('admin.engineers.accountHint')}
        rules={[{ required: true, message: t('validation.choose', { field: t('admin.engineers.account') }) }]}
      >
        <Select
          showSearch
          disabled={!!engineer}
          data-testid="engineer-username"
          options={accounts
            .filter((a) => a.enabled && a.roles.includes('ENGINEER'))
            .map((a) => ({ value: a.username, label: `${a.displayName} (${a.username})` }))}
        />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('admin.engineers.displayName')}
        rules={
          engineer
            ? [
                {
                  required: true,
                  whitespace: true,
                  message: t('validation.required', { field: t('admin.engineers.displayName') }),
                },
              ]
            : []
        }
      >
        <Input data-testid="engineer-displayName" />
      </Form.Item>
      <Form.Item name="phone" label={t('admin.engineers.phone')}>
        <Input data-testid="engineer-phone" />
      </Form.Item>
      <Form.Item name="region" label={t('admin.engineers.region')}>
        <Select allowClear data-testid="engineer-region" options={regionOptions} />
      </Form.Item>
      <Form.Item name="skills" label={t('admin.engineers.skills')} extra={t('admin.engineers.skillsHint')}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，']}
          data-testid="engineer-skills"
          open={false}
          suffixIcon={null}
        />
      </Form.Item>
      <Form.Item name="teamId" label={t('admin.engineers.team')}>
        <Select
          allowClear
          data-testid="engineer-team"
          options={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}

function TeamForm({
  team,
  accounts,
  onSaved,
  onClose,
}: {
  team?: AdminTeam;
  accounts: Account[];
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<TeamInput>
      open
      title={t(team ? 'admin.teams.edit' : 'admin.teams.add')}
      initialValues={team ?? { skills: [] }}
      fields={TEAM_FIELDS}
      onSubmit={async (v) => {
        const body = { ...v, skills: v.skills ?? [], leadUsername: v.leadUsername || undefined };
        if (team) await adminApi.editTeam(team.id, body);
        else await adminApi.createTeam(body);
        onSaved();
      }}
      onClose={onClose}
      testId="team-form"
    >
      <Form.Item
        name="name"
        label={t('admin.teams.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('admin.teams.name') }) },
        ]}
      >
        <Input data-testid="team-name" />
      </Form.Item>
      <Form.Item name="region" label={t('admin.teams.region')}>
        <Select
          allowClear
          data-testid="team-region"
          options={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="skills" label={t('admin.teams.skills')} extra={t('admin.engineers.skillsHint')}>
        <Select mode="tags" tokenSeparators={[',', '，']} data-testid="team-skills" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="leadUsername" label={t('admin.teams.lead')}>
        <Select
          allowClear
          showSearch
          data-testid="team-lead"
          options={accounts
            .filter((a) => a.enabled && !a.roles.includes('CUSTOMER'))
            .map((a) => ({ value: a.username, label: `${a.displayName} (${a.username})` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

export function EngineersTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const engineers = useQuery({ queryKey: adminKeys.engineers, queryFn: () => adminApi.engineers() });
  const teams = useQuery({ queryKey: adminKeys.teams, queryFn: () => adminApi.teams() });
  const accounts = useQuery({ queryKey: adminKeys.accounts, queryFn: () => adminApi.accounts() });
  const refresh = useAdminRefresh();
  const [engineer, setEngineer] = useState<AdminEngineer | 'new' | null>(null);
  const [team, setTeam] = useState<AdminTeam | 'new' | null>(null);
  const nameOf = (username?: string) =>
    accounts.data?.accounts.find((a) => a.username === username)?.displayName ?? username;
  const region = (r?: string) => (r ? t(`region.${r}`) : t('common.empty'));
  const saved = (queryKey: QueryKey) => () => {
    message.success(t('admin.saved'));
    void refresh(queryKey);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {(engineers.error || teams.error) && (
        <Alert
          type="error"
          showIcon
          message={t('common.loadFailed', { message: describeError(engineers.error ?? teams.error, t) })}
        />
      )}
      <div>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('admin.teams.title')}
          </Typography.Title>
          {canEdit && (
            <Button size="small" onClick={() => setTeam('new')} data-testid="team-add">
              {t('admin.teams.add')}
            </Button>
          )}
        </Space>
        <ResponsiveTable<AdminTeam>
          testId="team-table"
          rows={teams.data}
          loading={teams.isFetching}
          rowKey={(tm) => tm.id}
          empty={t('admin.teams.empty')}
          columns={[
            { key: 'name', title: t('admin.teams.name'), render: (tm) => tm.name },
            { key: 'region', title: t('admin.teams.region'), render: (tm) => region(tm.region) },
            { key: 'skills', title: t('admin.teams.skills'), render: (tm) => <Skills skills={tm.skills} /> },
            { key: 'lead', title: t('admin.teams.lead'), render: (tm) => nameOf(tm.leadUsername) ?? t('common.empty') },
          ]}
          actionsTitle={t('admin.actions')}
          actions={
            canEdit
              ? (tm) => (
                  <Button size="small" onClick={() => setTeam(tm)}>
                    {t('admin.edit')}
                  </Button>
                )
              : undefined
          }
        />
      </div>
      <div>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('admin.engineers.title')}
          </Typography.Title>
          {canEdit && (
            <Button size="small" onClick={() => setEngineer('new')} data-testid="engineer-add">
              {t('admin.engineers.add')}
            </Button>
          )}
        </Space>
        <ResponsiveTable<AdminEngineer>
          testId="engineer-table"
          rows={engineers.data}
          loading={engineers.isFetching}
          rowKey={(e) => e.id}
          empty={t('admin.engineers.empty')}
          columns={[
            { key: 'name', title: t('admin.engineers.displayName'), render: (e) => `${e.displayName} (${e.username})` },
            { key: 'phone', title: t('admin.engineers.phone'), render: (e) => e.phone ?? t('common.empty') },
            { key: 'region', title: t('admin.engineers.region'), render: (e) => region(e.region) },
            { key: 'skills', title: t('admin.engineers.skills'), render: (e) => <Skills skills={e.skills} /> },
            { key: 'team', title: t('admin.engineers.team'), render: (e) => e.teamName ?? t('common.empty') },
          ]}
          actionsTitle={t('admin.actions')}
          actions={
            canEdit
              ? (e) => (
                  <Button size="small" onClick={() => setEngineer(e)}>
                    {t('admin.edit')}
                  </Button>
                )
              : undefined
          }
        />
      </div>
      {engineer && (
        <EngineerForm
          engineer={engineer === 'new' ? undefined : engineer}
          accounts={accounts.data?.accounts ?? []}
          teams={teams.data ?? []}
          onSaved={saved(adminKeys.engineers)}
          onClose={() => setEngineer(null)}
        />
      )}
      {team && (
        <TeamForm
          team={team === 'new' ? undefined : team}
          accounts={accounts.data?.accounts ?? []}
          onSaved={saved(adminKeys.teams)}
          onClose={() => setTeam(null)}
        />
      )}
    </Space>
  );
}
