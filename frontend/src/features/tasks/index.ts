// The task feature's public surface for other features (the ticket page shows a ticket's open tasks).
export { taskKeys, tasksApi } from './api';
export { canActOn, taskName } from './formFields';
export { TaskForm } from './TaskForm';
