import { Route, Router, useSearchParams } from '@solidjs/router';
import type { ParentProps } from 'solid-js';
import { I18nProvider, isLang, type Lang } from './i18n';
import { Canvas } from './layout/Canvas';
import { WallProvider } from './live/context';
import { createNow } from './live/createNow';
import { createWall } from './live/createWall';
import { Overview } from './views/Overview';

/** Language: `?lang=` wins, then the deployment's default from the server, then Vietnamese. */
function Shell(props: ParentProps) {
  const [params] = useSearchParams();
  const display = typeof params.display === 'string' ? params.display : undefined;
  const wall = createWall({ display });
  const lang = (): Lang => (isLang(params.lang) ? params.lang : (wall.state.defaultLang ?? 'vi'));
  return (
    <WallProvider wall={wall}>
      <I18nProvider lang={lang}>
        <Canvas>{props.children}</Canvas>
      </I18nProvider>
    </WallProvider>
  );
}

export function App() {
  const now = createNow();
  return (
    <Router root={Shell}>
      <Route path="/" component={() => <Overview now={now} />} />
    </Router>
  );
}
