export { ordersRoutes } from './orders.routes.js';
export { orderScope, orderTimelineSource } from './orders.service.js';
export { orderLines, orders } from './orders.table.js';
