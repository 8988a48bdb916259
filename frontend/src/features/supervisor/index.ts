export { SuperviseCase } from './SuperviseCase';
