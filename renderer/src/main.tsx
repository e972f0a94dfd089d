/** Renderer entry. */
// React Fast Refresh's preamble as a module: the CSP forbids the inline script the plugin would otherwise inject.
// In a production build this import is empty.
import '@vitejs/plugin-react/preamble';
import './i18n/index.js';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
