export { productsRoutes } from './products.routes.js';
export { productCategories, products } from './products.table.js';
