export { type AbcClass, type AbcInput, type AbcResult, abcClasses } from './abc.js';
export { type NeedRatings, needPriority, P1_MIN, P2_MIN, type PriorityBand } from './need-priority.js';
