export { currentUser, principalById, principalsWithEmail, resolveApiToken, resolveSession } from './auth.service.js';
export { usersRoutes } from './users.routes.js';
export {
  disableUserByName,
  findUserByName,
  insertUser,
  type NewUser,
  resetPasswordByName,
  rootOrgUnitId,
} from './users.service.js';
export { users } from './users.table.js';
