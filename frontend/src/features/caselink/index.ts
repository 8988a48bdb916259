// Issue 15: intake knows the caller, and linked cases. The public surface for the ticket pages.
export { CallerLookup } from './CallerLookup';
export { OpenCaseWarning, NO_LINK, type IntakeLinkChoice } from './OpenCaseWarning';
export { CasePicker, LinkedCases, refusalKey } from './LinkedCases';
export { caseLinkApi, caseLinkKeys, type Caller } from './api';
