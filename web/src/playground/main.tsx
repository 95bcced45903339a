/** The playground's entry: GraphiQL's editor workers (built as files of this origin), its styles, the runtime config. */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';
import { createRoot } from 'react-dom/client';
import { loadConfig } from '../config';
import { Playground } from './Playground';

const root = createRoot(document.getElementById('playground')!);

loadConfig()
  .then((config) => root.render(<Playground config={config} />))
  .catch((error: unknown) => root.render(<p role="alert">The playground could not start: {error instanceof Error ? error.message : String(error)}</p>));
