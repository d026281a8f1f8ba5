export { ordersRoutes } from './orders.routes.js';
export { orderScope } from './orders.service.js';
export { orderLines, orders } from './orders.table.js';
