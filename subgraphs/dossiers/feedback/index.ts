/** Feedback and complaints (phản ánh, kiến nghị) and satisfaction ratings (mức độ hài lòng) on dossiers. */
import { FeedbackResolver } from './feedback.resolver';

export { DOSSIER_FEEDBACK_TOPIC, type DossierFeedbackAction, type DossierFeedbackEvent } from './feedback-event';
export { answerFeedback, submitFeedback } from './dossier-feedback';
export { rateDossier, RATEABLE_STATUSES } from './dossier-rating';
export { feedbackQueue } from './feedback-queue';

/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const FEEDBACK_RESOLVERS: Function[] = [FeedbackResolver];
