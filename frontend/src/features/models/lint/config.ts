// The bpmnlint configuration the editor lints with, packed by hand.
//
// bpmnlint normally loads rules by package name at run time (node resolver) or through a bundler
// plugin that packs `.bpmnlintrc`; there is none for Vite. So the rules are imported here and served
// from a static table by a resolver with the two methods bpmnlint's Linter calls:
//   resolveRule(pkg, ruleName)   pkg is "bpmnlint" or "bpmnlint-plugin-<name>" for "<name>/<rule>"
//   resolveConfig(pkg, name)     only for `extends`, which this config does not use
// bpmn-js-bpmnlint takes `{ config, resolver }` as its `linting.bpmnlint` option.
import type { Config, Resolver, RuleFactory } from 'bpmnlint/lib/types';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import global from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';
import noJavaClass from './rules/no-java-class';
import noScript from './rules/no-script';
import serviceTaskImplementation from './rules/service-task-implementation';
import timerValid from './rules/timer-valid';

/** Our own rules, used as `aftercare/<name>` (bpmnlint's plugin naming: package bpmnlint-plugin-aftercare). */
export const AFTERCARE_PLUGIN = 'bpmnlint-plugin-aftercare';

export const AFTERCARE_RULES: Record<string, RuleFactory> = {
  'no-script': noScript,
  'no-java-class': noJavaClass,
  'timer-valid': timerValid,
  'service-task-implementation': serviceTaskImplementation,
};

/** bpmnlint's built-in rules that are used (its "recommended" set, minus what Camunda 7 is fine with). */
const BPMNLINT_RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

export const lintConfig: Config = {
  rules: {
    // Structure: errors where the engine would fail or a case would get stuck.
    'ad-hoc-sub-process': 'error',
    'conditional-flows': 'error',
    'end-event-required': 'error',
    'event-based-gateway': 'error',
    'event-sub-process-typed-start-event': 'error',
    'link-event': 'error',
    'no-bpmndi': 'error',
    'no-complex-gateway': 'error', // not executable on Camunda 7
    'no-disconnected': 'error',
    'no-duplicate-sequence-flows': 'error',
    'no-implicit-end': 'error',
    'no-implicit-start': 'error',
    'single-blank-start-event': 'error',
    'single-event-definition': 'error',
    'start-event-required': 'error',
    'sub-process-blank-start-event': 'error',
    // Style: Camunda 7 runs these, but they make a model harder to read.
    'fake-join': 'warn',
    global: 'warn',
    'label-required': 'warn',
    'no-gateway-join-fork': 'warn',
    'no-implicit-split': 'warn',
    'no-overlapping-elements': 'warn',
    'superfluous-gateway': 'warn',
    'superfluous-label': 'warn',
    'superfluous-termination': 'warn',
    // Ours (the server checks the same on deployment).
    'aftercare/no-script': 'error',
    'aftercare/no-java-class': 'error',
    'aftercare/timer-valid': 'error',
    'aftercare/service-task-implementation': 'error',
  },
};

export const lintResolver: Resolver = {
  resolveRule(pkg: string, ruleName: string) {
    const table = pkg === 'bpmnlint' ? BPMNLINT_RULES : pkg === AFTERCARE_PLUGIN ? AFTERCARE_RULES : undefined;
    const rule = table?.[ruleName];
    if (!rule) throw new Error(`unknown rule <${pkg}/${ruleName}>`);
    return rule;
  },
  resolveConfig(pkg: string, configName: string) {
    throw new Error(`unknown config <${pkg}/${configName}>: the packed configuration has no extends`);
  },
};

/** The value for bpmn-js-bpmnlint's `linting.bpmnlint` option (and for `new Linter(…)`). */
export const bpmnlintConfig = { config: lintConfig, resolver: lintResolver };
