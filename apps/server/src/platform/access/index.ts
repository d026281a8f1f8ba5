export {
  type Action,
  accountIdInScope,
  accountScope,
  assertCan,
  can,
  dossierAccess,
  orgUnitScope,
  type Principal,
  seesContactDetails,
  seesEveryAccount,
} from './access.js';
