export { requiredLevel } from './approval-chain.js';
export { createDiscountRequest, decideDiscount, lastQuarter } from './discounts.service.js';
export { pricingRoutes } from './pricing.routes.js';
export { discountRequests, priceAgreements, priceListItems, priceLists } from './pricing.table.js';
