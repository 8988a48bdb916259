export { ServiceFormLink } from './ServiceFormLink';
export { ServiceFormPage } from './ServiceFormPage';
