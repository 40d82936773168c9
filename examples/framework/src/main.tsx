// Entry: registering the element before React's first render means React creates an upgraded
// <feedback-survey>, so `definition` and `endpoint` are set as properties from the start.
import '@otklik/widget';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FeedbackPage } from './FeedbackPage.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <FeedbackPage endpoint="/api/feedback" />
  </StrictMode>,
);
