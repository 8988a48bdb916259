export { StockPage } from './StockPage';
export { periodText } from './api';
