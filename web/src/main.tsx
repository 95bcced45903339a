/** The portal's entry: load the runtime config, restore the session from its cookie, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createServices, ServicesProvider } from './api/services';
import { App } from './App';
import { loadConfig } from './config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((config) => {
    const services = createServices(config);
    void services.session.restore();
    root.render(
      <StrictMode>
        <ServicesProvider services={services}>
          <App />
        </ServicesProvider>
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.render(
      <main className="page">
        <h1>The app could not start</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    );
  });
