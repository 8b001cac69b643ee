import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// From react-router/dom: the provider that can render a navigation at once (`flushSync`).
import { RouterProvider } from 'react-router/dom';
import './i18n';
import { Providers } from './app/Providers';
import { router } from './app/router';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/help.css';
import './styles/forum.css';
import './styles/safety.css';

const root = document.getElementById('root');
if (!root) throw new Error('Kindred: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
