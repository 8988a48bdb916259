export { SurveysPage } from './SurveysPage';
export { LateSurveysNotice } from './LateSurveysNotice';
