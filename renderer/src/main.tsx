// Renderer entry: choose the bridge once, then render. The full explorer (issue 7) grows from App.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { chooseApi } from './api';
import './theme.css';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App choice={chooseApi()} />
  </StrictMode>,
);
