/**
 * GraphiQL draws each editor tab as <li role="tab"> holding two buttons (the tab's and its
 * close button): interactive controls nested in a tab, which axe reports (nested-interactive)
 * and screen readers handle badly, since a tab's content is presentational. Until GraphiQL
 * changes it, this gives the tab role to the tab's own button, leaving the close button beside
 * it, as the WAI-ARIA practices suggest, and keeps it so as GraphiQL re-renders.
 */
export function fixTabRoles(root: HTMLElement): () => void {
  const fix = () => {
    for (const tab of root.querySelectorAll<HTMLElement>('li.graphiql-tab')) {
      const button = tab.querySelector<HTMLElement>('button.graphiql-tab-button');
      if (!button) continue;
      const selected = tab.getAttribute('aria-selected') ?? button.getAttribute('aria-selected') ?? 'false';
      if (tab.getAttribute('role') !== 'presentation') tab.setAttribute('role', 'presentation');
      if (tab.hasAttribute('aria-selected')) tab.removeAttribute('aria-selected');
      if (button.getAttribute('role') !== 'tab') button.setAttribute('role', 'tab');
      if (button.getAttribute('aria-selected') !== selected) button.setAttribute('aria-selected', selected);
    }
  };
  const observer = new MutationObserver(fix);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
  fix();
  return () => observer.disconnect();
}
