// Sample answers of GET /api/models for the workbench tests.
import type { Model } from '../../api/types';

export const dispatchModel: Model = {
  key: 'dispatch',
  name: 'Dispatch / 派单',
  kind: 'PROCESS',
  resourceName: 'dispatch.bpmn',
  latestVersion: 3,
  latestDefinitionId: 'dispatch:3:ccc',
  runningCases: 5,
  fileStatus: 'DEPLOYED_NEWER_THAN_FILE',
  versions: [
    {
      definitionId: 'dispatch:3:ccc',
      version: 3,
      deployedAt: '2026-11-22T06:00:00Z',
      deployedBy: 'owner',
      source: 'WORKBENCH',
      comment: 'Tighter reminder',
      runningCases: 2,
    },
    {
      definitionId: 'dispatch:2:bbb',
      version: 2,
      deployedAt: '2026-11-20T01:30:00Z',
      deployedBy: null,
      source: 'BPMN_FILES',
      comment: null,
      runningCases: 3,
    },
    {
      definitionId: 'dispatch:1:aaa',
      version: 1,
      deployedAt: '2026-11-01T01:30:00Z',
      deployedBy: null,
      source: 'BPMN_FILES',
      comment: null,
      runningCases: 0,
    },
  ],
};

export const levelDecision: Model = {
  key: 'faultLevel',
  name: 'Fault level / 故障等级',
  kind: 'DECISION',
  resourceName: 'fault-level.dmn',
  latestVersion: 1,
  latestDefinitionId: 'faultLevel:1:ddd',
  runningCases: null,
  fileStatus: 'IN_SYNC',
  versions: [
    {
      definitionId: 'faultLevel:1:ddd',
      version: 1,
      deployedAt: '2026-11-01T01:30:00Z',
      deployedBy: null,
      source: 'BPMN_FILES',
      comment: null,
      runningCases: null,
    },
  ],
};
