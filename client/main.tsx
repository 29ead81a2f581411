import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { setupI18n } from './i18n/setupI18n.js';
import { SessionProvider } from './session/SessionProvider.js';
import { registerServiceWorker } from './sw/registerServiceWorker.js';
import './styles/base.css';
import './styles/controls.css';
import './styles/header.css';
import './styles/dialog.css';
import './styles/login.css';
import './styles/documents.css';
import './styles/editor.css';
import './styles/invites.css';
import './styles/page.css';
import './styles/versions.css';
import './styles/panels.css';
import './styles/comments.css';
import './styles/suggestions.css';
import './styles/notifications.css';
import './styles/approval.css';
import './styles/sections.css';
import './styles/import.css';

registerServiceWorker();

// Rendered once the language is set up: at once in Chinese, after its dictionary otherwise (setupI18n.ts).
void setupI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SessionProvider>
        <App />
      </SessionProvider>
    </StrictMode>,
  ),
);
