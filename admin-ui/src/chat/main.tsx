import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/theme.css';
import './chat.css';
import { ChatApp } from './ChatApp';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ChatApp />
  </StrictMode>,
);
