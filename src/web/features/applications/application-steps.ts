import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import type { Application } from './applications-api';

/**
 * An application's path as a timeline: the steps taken (each with who and when), then the ones
 * still ahead while it is under way. Each step names its message in the catalogs
 * (applicationSteps.<label>).
 */

export type StepLabel =
  | 'interested'
  | 'proposed'
  | 'applied'
  | 'employerPending'
  | 'employerApproved'
  | 'hostReview'
  | 'matched'
  | 'declinedByEmployer'
  | 'declinedByHost'
  | 'withdrawn';

export type TimelineStep = {
  label: StepLabel;
  state: 'done' | 'upcoming';
  at: string | null;
  actorName: string | null;
  comment: string | null;
};

const live: readonly ApplicationStatus[] = [
  'interested',
  'proposed',
  'applied',
  'employer_pending',
  'host_review',
];

function labelOf(from: ApplicationStatus | null, to: ApplicationStatus): StepLabel {
  switch (to) {
    case 'interested':
      return 'interested';
    case 'proposed':
      return 'proposed';
    case 'applied':
      return 'applied';
    case 'employer_pending':
      return 'employerPending';
    case 'host_review':
      return from === 'employer_pending' ? 'employerApproved' : 'hostReview';
    case 'matched':
      return 'matched';
    case 'declined':
      return from === 'employer_pending' ? 'declinedByEmployer' : 'declinedByHost';
    case 'withdrawn':
      return 'withdrawn';
  }
}

/** What is still ahead of an application under way, in order. */
function upcomingAfter(status: ApplicationStatus): StepLabel[] {
  switch (status) {
    case 'interested':
    case 'proposed':
      return ['applied', 'hostReview', 'matched'];
    case 'applied':
    case 'employer_pending':
      return ['hostReview', 'matched'];
    case 'host_review':
      return ['matched'];
    default:
      return [];
  }
}

/**
 * @example
 * applicationTimeline({ status: 'employer_pending', events: [applied, toEmployer] })
 * // → applied (done), employerPending (done), hostReview (upcoming), matched (upcoming)
 */
export function applicationTimeline(
  application: Pick<Application, 'status' | 'events'>,
): TimelineStep[] {
  const stepOf = (
    label: StepLabel,
    at: string | null,
    actorName: string | null,
    comment: string | null,
  ) => ({ label, state: 'done', at, actorName, comment }) satisfies TimelineStep;
  // A stable sort: "applied" and the step after it share one instant and keep their order.
  const events = [...application.events].sort((a, b) => a.at.localeCompare(b.at));
  // A host is not shown the employer's steps, so a step may be missing where one event does not
  // start where the one before ended (or the last one is not where the application is): the
  // status in between stands as a step of its own, without a time.
  const done: TimelineStep[] = [];
  let reached: ApplicationStatus | null = null;
  for (const e of events) {
    if (reached !== null && e.from !== null && e.from !== reached) {
      done.push(stepOf(labelOf(null, e.from), null, null, null));
    }
    done.push(stepOf(labelOf(e.from, e.to), e.at, e.actorName, e.comment));
    reached = e.to;
  }
  if (reached !== application.status) {
    done.push(stepOf(labelOf(null, application.status), null, null, null));
  }
  const ahead = live.includes(application.status) ? upcomingAfter(application.status) : [];
  return [
    ...done,
    ...ahead.map((label) => ({
      label,
      state: 'upcoming' as const,
      at: null,
      actorName: null,
      comment: null,
    })),
  ];
}
