// Only the design tokens of the theme (the `.utrecht-theme` custom properties on <body>); each src/client/ui wrapper
// imports the CSS of the Utrecht components it renders. styles.css comes after App, so our own rules follow the
// component CSS in the cascade and win at equal specificity.
import '@utrecht/design-tokens/dist/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.js';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('Element #root ontbreekt in index.html');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
