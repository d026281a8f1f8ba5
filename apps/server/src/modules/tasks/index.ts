export { tasksRoutes } from './tasks.routes.js';
export {
  assertMayActOnTask,
  checkOwner,
  insertTasks,
  type TaskRow,
  taskSelect,
  taskTimelineSource,
  toTask,
} from './tasks.service.js';
export { calendarTokens, tasks } from './tasks.table.js';
