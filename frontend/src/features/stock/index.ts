export { StockPage } from './StockPage';
export { periodText } from './api';
export { CaseStockParts } from './CaseStockParts';
