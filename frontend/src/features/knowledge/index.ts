export { KnowledgePage } from './KnowledgePage';
export { SuggestionPanel } from './SuggestionPanel';
export { CaseKnowledge } from './CaseKnowledge';
