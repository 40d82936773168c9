import { templates } from '@otklik/core/templates';
import type { FeedbackSurvey, OtklikSentEvent, OtklikSubmitEvent } from '@otklik/widget';
import { useRef, useState } from 'react';
import './feedback-survey.jsx.js';

/** Module-level so every render passes the same object and React never re-sets the property. */
const survey = templates['kiosk-pulse'];

/** What the page knows about the visitor's last response, from the widget's events. */
export interface LastResponse {
  responseId: string;
  /** The satisfaction score (kiosk-pulse q2), when given. */
  score: number | undefined;
  /** `sending` after `otklik-submit`, `sent` after `otklik-sent`. */
  status: 'sending' | 'sent';
  receipt?: string;
}

export interface FeedbackPageProps {
  /** Where the widget POSTs responses (any backend that accepts the response format). */
  endpoint: string;
}

/**
 * The «Обратная связь» page: the kiosk-pulse survey in `<feedback-survey>`, and beside it what the
 * React app learnt from the widget's typed events.
 * @example createRoot(el).render(<FeedbackPage endpoint="/api/feedback" />);
 */
export function FeedbackPage({ endpoint }: FeedbackPageProps) {
  const surveyRef = useRef<FeedbackSurvey>(null);
  const [last, setLast] = useState<LastResponse | null>(null);

  const onSubmit = (e: OtklikSubmitEvent) => {
    const { responseId, answers } = e.detail.response;
    const score = answers['q2'];
    setLast({
      responseId,
      score: typeof score === 'number' ? score : undefined,
      status: 'sending',
    });
  };
  const onSent = (e: OtklikSentEvent) => {
    const { responseId, receipt } = e.detail;
    setLast((prev) =>
      prev?.responseId === responseId
        ? { ...prev, status: 'sent', ...(receipt === undefined ? {} : { receipt }) }
        : prev,
    );
  };

  return (
    <div className="page">
      <header>
        <p className="org">Министерство социальной защиты (пример)</p>
        <h1>Обратная связь</h1>
        <p>Ответ анонимный: мы не спрашиваем имя и не сохраняем адрес устройства.</p>
      </header>
      <div className="columns">
        <main>
          <feedback-survey
            ref={surveyRef}
            definition={survey}
            endpoint={endpoint}
            channel="site"
            touchpoint="react-example"
            onotklik-submit={onSubmit}
            onotklik-sent={onSent}
          />
        </main>
        <aside aria-labelledby="last-title">
          <h2 id="last-title">Ваш последний отзыв</h2>
          {last === null ? (
            <p>Пока не отправлен.</p>
          ) : (
            <>
              <dl data-testid="last-response">
                <dt>Оценка</dt>
                <dd>{last.score ?? '—'}</dd>
                <dt>Статус</dt>
                <dd>{last.status === 'sent' ? 'получен' : 'отправляется…'}</dd>
                <dt>Код ответа</dt>
                <dd>{last.receipt ?? '—'}</dd>
              </dl>
              <button type="button" onClick={() => surveyRef.current?.reset()}>
                Заполнить ещё раз
              </button>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
