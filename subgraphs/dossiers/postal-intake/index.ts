/** Dossiers sent by post (nộp hồ sơ qua dịch vụ bưu chính): carrier pickup, tracking, intake on delivery. */
import { PostalIntakeResolver } from './postal-intake.resolver';

export { PostalIntakeStatus, trackingOutcome, refusalOf, type StoredSubmission, type TrackingOutcome } from './postal-intake-rules';
export { PostalIntake, PostalIntakeRefusal, PostalPickupInput } from './postal-intake.types';
export { requestPostalPickup, type PostalIntakeRow } from './request-pickup';
export {
  PostalIntakeTracker,
  type PostalIntakeScanResult,
  type PostalIntakeTrackerDeps,
  type PostalIntakeTrackerOptions,
} from './postal-intake-tracker';

/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const POSTAL_INTAKE_RESOLVERS: Function[] = [PostalIntakeResolver];
