// JSX typing for <feedback-survey> in React 19. React 19 passes a custom element's props as
// properties when the element has them (so `definition` gets the object, not "[object Object]"),
// and a prop named `on<event>` becomes `addEventListener('<event>')` with the name kept as written:
// `onotklik-submit` listens to `otklik-submit`. React's own JSX namespace is `React.JSX`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  FeedbackSurvey,
  OtklikErrorEvent,
  OtklikQueuedEvent,
  OtklikResetEvent,
  OtklikSentEvent,
  OtklikStartEvent,
  OtklikStepEvent,
  OtklikSubmitEvent,
} from '@otklik/widget';

/** The element's public properties, settable as JSX props (camelCase, as on the element). */
type SurveyProperties = Partial<
  Pick<
    FeedbackSurvey,
    | 'collector'
    | 'survey'
    | 'src'
    | 'endpoint'
    | 'definition'
    | 'object'
    | 'channel'
    | 'touchpoint'
    | 'respondent'
    | 'layout'
    | 'mode'
    | 'contextFromUrl'
    | 'catalogUrl'
    | 'catalogs'
    | 'officialReplyUrl'
    | 'idleSeconds'
    | 'thanksSeconds'
  >
>;

/** Listeners for the element's typed events (each detail as the widget declares it). */
interface SurveyEventProps {
  'onotklik-start'?: (e: OtklikStartEvent) => void;
  'onotklik-step'?: (e: OtklikStepEvent) => void;
  'onotklik-submit'?: (e: OtklikSubmitEvent) => void;
  'onotklik-queued'?: (e: OtklikQueuedEvent) => void;
  'onotklik-sent'?: (e: OtklikSentEvent) => void;
  'onotklik-error'?: (e: OtklikErrorEvent) => void;
  'onotklik-reset'?: (e: OtklikResetEvent) => void;
}

export type FeedbackSurveyProps = DetailedHTMLProps<
  HTMLAttributes<FeedbackSurvey>,
  FeedbackSurvey
> &
  SurveyProperties &
  SurveyEventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types are a namespace
  namespace JSX {
    interface IntrinsicElements {
      'feedback-survey': FeedbackSurveyProps;
    }
  }
}
