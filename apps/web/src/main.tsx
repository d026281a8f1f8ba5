import { hydrate } from '@tanstack/react-query';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import 'antd/dist/antd.css';
import { queryClient } from './app/api/query-client';
import { AppFrame } from './app/app';
import { takeFirstPageState } from './app/first-page';
import { i18n } from './app/i18n';
import './app/global.css';
import { createRouter } from './app/router';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A first page the server drew (entry-server.tsx) is taken over from the reads it was drawn from, in
// the language it was drawn in; in another (the choice changed in another tab) the browser draws anew.
const first = takeFirstPageState();
const drawn = first && first.language === i18n.language && root.firstElementChild ? first : null;
if (drawn) hydrate(queryClient, drawn.queries);
const app = (
  <AppFrame client={queryClient}>
    <RouterProvider router={createRouter(drawn?.router)} />
  </AppFrame>
);
if (drawn)
  hydrateRoot(root, app, {
    // React draws the page anew where it differs from the server's drawing: said plainly, so a journey
    // (and a developer) sees it
    onRecoverableError: (error) => console.error('kamap: the page the server drew was drawn anew:', error),
  });
else createRoot(root).render(app);
