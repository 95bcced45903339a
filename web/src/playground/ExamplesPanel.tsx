/** Example operations for each flow, each opened in a new tab with the headers of the tab in use. */
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { EXAMPLES, type Example } from './examples';

export function ExamplesPanel() {
  const { addTab } = useGraphiQLActions();
  const editors = useGraphiQL((state) => ({ query: state.queryEditor, variables: state.variableEditor, headers: state.headerEditor }));
  const open = (example: Example) => {
    const headers = editors.headers?.getValue() ?? '';
    addTab();
    editors.query?.setValue(example.query);
    editors.variables?.setValue(example.variables ? JSON.stringify(example.variables, null, 2) : '');
    editors.headers?.setValue(headers);
  };
  return (
    <div className="panel">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <ul className="examples">
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" className="secondary" onClick={() => open(example)}>
              {example.title}
            </button>
            <p>{example.about}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
