// Public face of network finding: detection (signals, fused graph, communities, chance model), the
// description of each network, and the inauthenticity indicators kept beside it.
export { CHANCE_DEFAULTS, type ChanceOptions, type ChanceResult } from './chance.js';
export { COMMUNITY_DEFAULTS, type CommunityOptions } from './communities.js';
export {
  DESCRIBE_DEFAULTS,
  type DescribeOptions,
  describeNetworks,
  type EdgeEvidence,
  type EvidenceItems,
  type EvidencePost,
  type NetworkAccount,
  type NetworkDescription,
  type NetworkEdge,
  type NetworkSignal,
  type SharedItem,
  type TopText,
  type ValueShare,
} from './describe.js';
export {
  type Candidate,
  DETECT_DEFAULTS,
  type Detection,
  type DetectOptions,
  detectNetworks,
  type Population,
} from './detect.js';
export {
  ACCOUNT_INDICATOR_COLUMNS,
  type AccountIndicators,
  computeAccountIndicators,
  flattenAccountIndicators,
  INDICATORS_DEFAULTS,
  type IndicatorsOptions,
  type NetworkIndicators,
  summarizeNetworkIndicators,
} from './indicators.js';
export {
  describeSetAside,
  type PrunedMember,
  type SetAsideAccount,
  type SetAsideCandidate,
  type SetAsideDescription,
  type SetAsideReason,
  type SetAsideSignal,
} from './set-aside.js';
