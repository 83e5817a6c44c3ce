import { Route, Router, useLocation, useSearchParams } from '@solidjs/router';
import { lazy, type ParentProps } from 'solid-js';
import { I18nProvider, isLang, type Lang } from './i18n';
import { KioskScreen } from './kiosk/KioskScreen';
import { parseScreenParams, pickScreenParams } from './kiosk/screenParams';
import { WallProvider } from './live/context';
import { createNow } from './live/createNow';
import { createWall } from './live/createWall';
import { authoriseRequests, takeDisplayToken } from './remote/displayToken';
import { Overview } from './views/Overview';
import { WallFrame } from './views/WallFrame';

// Views other than the overview load when first shown, so the overview's first load stays small.
const DistrictView = lazy(() => import('./views/district/DistrictView'));
const GridView = lazy(() => import('./views/grid/GridView'));
const IdentityView = lazy(() => import('./views/identity/IdentityView'));
const ServicesView = lazy(() => import('./views/services/ServicesView'));
const TasksView = lazy(() => import('./views/tasks/TasksView'));
const RankingView = lazy(() => import('./views/ranking/RankingView'));
// The operator console is a page of its own, for a desk: a screen never loads it.
const OperatorConsole = lazy(() => import('./operator/OperatorConsole'));

/**
 * The screen around every view. Its parameters (canvas, wall tile, kiosk, display, playlist, ...) are read once
 * from the address it was opened with; language: `?lang=` wins, then the deployment's default, then Vietnamese.
 */
function Shell(props: ParentProps<{ now: () => number }>) {
  const location = useLocation();
  const [params] = useSearchParams();
  const initial = new URLSearchParams(location.search);
  const screen = parseScreenParams(initial);
  // A preview in the operator console shows a screen without being it: no name, no token.
  const display = screen.preview ? undefined : screen.display;
  const token = screen.preview ? undefined : takeDisplayToken(display);
  authoriseRequests(token);
  const wall = createWall({ display, token });
  const lang = (): Lang => (isLang(params.lang) ? params.lang : (wall.state.defaultLang ?? 'vi'));
  return (
    <WallProvider wall={wall}>
      <I18nProvider lang={lang}>
        <KioskScreen params={screen} sticky={pickScreenParams(initial)} now={props.now} registered={!!token}>
          {props.children}
        </KioskScreen>
      </I18nProvider>
    </WallProvider>
  );
}

export function App() {
  if (/^\/operator(\/|$)/.test(location.pathname)) return <OperatorConsole />;
  const now = createNow();
  return (
    <Router root={(p) => <Shell now={now}>{p.children}</Shell>}>
      <Route component={WallFrame}>
        <Route path="/" component={() => <Overview now={now} />} />
        <Route path="/district/:code" component={() => <DistrictView now={now} />} />
        <Route path="/grid" component={() => <GridView now={now} />} />
        <Route path="/identity" component={() => <IdentityView now={now} />} />
        <Route path="/services" component={() => <ServicesView now={now} />} />
        <Route path="/tasks" component={() => <TasksView now={now} />} />
        <Route path="/ranking" component={() => <RankingView now={now} />} />
      </Route>
    </Router>
  );
}
