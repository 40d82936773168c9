import type { SurveyResponse } from '@otklik/core/engine';

/** Why the survey was wiped: kiosk idle timeout, kiosk "next visitor", or `reset()` called by the page. */
export type ResetReason = 'kiosk-idle' | 'kiosk-next' | 'api';

export interface StepDetail {
  questionId: string;
  /** Zero-based position on the respondent's current path. */
  index: number;
  /** Length of the current path (changes as skips change). */
  total: number;
}

const init = { bubbles: true, composed: true } as const;

/**
 * The respondent's first interaction with the survey (first answer, or "Start" in kiosk mode).
 * @example el.addEventListener('otklik-start', () => analytics.count('survey-started'));
 */
export class OtklikStartEvent extends Event {
  constructor() {
    super('otklik-start', init);
  }
}

/**
 * A question is shown in the paged layout.
 * @example el.addEventListener('otklik-step', (e) => console.log(e.detail.index, e.detail.total));
 */
export class OtklikStepEvent extends CustomEvent<StepDetail> {
  constructor(detail: StepDetail) {
    super('otklik-step', { ...init, detail });
  }
}

/**
 * A valid response is about to be sent (already pruned to the respondent's path).
 * @example el.addEventListener('otklik-submit', (e) => console.log(e.detail.response.answers));
 */
export class OtklikSubmitEvent extends CustomEvent<{ response: SurveyResponse }> {
  constructor(response: SurveyResponse) {
    super('otklik-submit', { ...init, detail: { response } });
  }
}

/**
 * Every answer was removed from memory and from the page.
 * @example el.addEventListener('otklik-reset', (e) => e.detail.reason === 'kiosk-idle');
 */
export class OtklikResetEvent extends CustomEvent<{ reason: ResetReason }> {
  constructor(reason: ResetReason) {
    super('otklik-reset', { ...init, detail: { reason } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'otklik-start': OtklikStartEvent;
    'otklik-step': OtklikStepEvent;
    'otklik-submit': OtklikSubmitEvent;
    'otklik-reset': OtklikResetEvent;
  }
}
