export { LoanerPoolPage } from './LoanerPoolPage';
export { RepairPanel } from './RepairPanel';
export { RepairSlipPage } from './RepairSlipPage';
export { CustomerRepairPanel } from './CustomerRepairPanel';
