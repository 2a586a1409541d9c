import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../shared/query/query-client';
import { ToastProvider } from '../shared/components/Toast';
import '../shared/theme.css';
import '../shared/components/components.css';
import './admin.css';
import { createAdminRouter } from './router';
import { endSession } from './session';

// A 401 anywhere means the session ended: forget the cached data, the session guard shows the login page.
const queryClient = createQueryClient({ onUnauthorized: () => endSession(queryClient) });
const router = createAdminRouter();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
