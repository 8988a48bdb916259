export { ScrapCertificatePage } from './ScrapCertificatePage';
export { WarrantyPanel } from './WarrantyPanel';
