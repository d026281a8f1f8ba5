export {
  type Action,
  accountIdInScope,
  accountScope,
  assertCan,
  can,
  dossierAccess,
  type Principal,
  seesContactDetails,
} from './access.js';
