export { breachedSql, complaintTimelineSource, escalateBreachedComplaints } from './complaints.service.js';
export { serviceRoutes } from './service.routes.js';
export { complaints } from './service.table.js';
export { slaFor } from './sla.js';
export { surveyTimelineSource } from './surveys.service.js';
