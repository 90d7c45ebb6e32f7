import type { ServiceRegistry } from '../../engine/services.ts';
import { penaltyKindLabel } from './penalty-kinds.ts';

/**
 * `${services.carryProposal}`: the steps after the decision (payment, surcharge, publication) still
 * read fineAmount and penaltyKinds (names). The case review is the only place the penalty is entered
 * (proposedFineAmount, proposedPenaltyKinds); this copies it into those names until the decision
 * captures the decided penalty (issue 12, decidedFineAmount), when this step is removed.
 */
export function registerProposalBridge(registry: ServiceRegistry): void {
  registry.register('carryProposal', ({ variables }) => ({
    fineAmount: Number(variables.proposedFineAmount ?? 0) || 0,
    penaltyKinds: Array.isArray(variables.proposedPenaltyKinds) ? variables.proposedPenaltyKinds.map((k) => penaltyKindLabel(String(k))) : [],
  }));
}
