// The developers' IDE at /graphql: GraphiQL bundled with the service (Apollo's Sandbox loads from
// a CDN and is blank offline), opened with one tab per example operation of docs/queries/.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './page.css';

declare const __EXAMPLE_TABS__: Array<{ query: string }>;

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', location.href).toString() });

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultTabs={__EXAMPLE_TABS__} defaultEditorToolsVisibility={false} />,
);
