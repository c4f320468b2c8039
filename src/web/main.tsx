import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/providers';
import { createAppRouter } from './app/router';
import { sessionQueryKey } from './features/auth/session-api';
import { initI18n } from './i18n/i18n';
import { createQueryClient } from './lib/query-client';

initI18n();
// A 401 anywhere ends the session; the signed-in layout then sends the person to the login page.
const queryClient = createQueryClient((client) => client.setQueryData(sessionQueryKey, null));
const router = createAppRouter();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
