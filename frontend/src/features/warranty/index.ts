export { ScrapCertificatePage } from './ScrapCertificatePage';
export { WarrantyPanel } from './WarrantyPanel';
export { warrantyApi, warrantyKeys, type WarrantyView } from './api';
