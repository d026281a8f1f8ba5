import type {
  Agent,
  AgentAccount,
  AgentDetail,
  AgentOrder,
  ChannelNotice,
  ChannelRules,
  Conflict,
  Registration,
  RegistrationCheck,
  RegistrationCheckInput,
  RegistrationDecision,
  RegistrationInput,
} from '@kamap/contracts';
import type { z } from 'zod';

export type AgentData = z.infer<typeof Agent>;
export type AgentDetailData = z.infer<typeof AgentDetail>;
export type AgentAccountData = z.infer<typeof AgentAccount>;
export type AgentOrderData = z.infer<typeof AgentOrder>;
export type ConflictData = z.infer<typeof Conflict>;
export type RegistrationData = z.infer<typeof Registration>;
export type RegistrationCheckData = z.infer<typeof RegistrationCheck>;
export type RegistrationBody = z.input<typeof RegistrationInput>;
export type RegistrationCheckBody = z.input<typeof RegistrationCheckInput>;
export type RegistrationDecisionBody = z.input<typeof RegistrationDecision>;
export type ChannelNoticeData = z.infer<typeof ChannelNotice>;
export type ChannelRulesData = z.infer<typeof ChannelRules>;
