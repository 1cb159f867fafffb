import '@/utils/platform/i18n/en-pages';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/base.css';
import './style.css';
import { App } from './App';
import { I18nProvider } from '@/components/i18n';
import { loadFiguresEarly } from '@/utils/orders/ui/figures';

loadFiguresEarly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
