export { requiredLevel } from './approval-chain.js';
export { pricingRoutes } from './pricing.routes.js';
export { discountRequests, priceAgreements, priceListItems, priceLists } from './pricing.table.js';
