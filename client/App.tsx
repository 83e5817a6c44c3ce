import { Route, Router, useLocation, useSearchParams } from '@solidjs/router';
import { lazy, type ParentProps, Show } from 'solid-js';
import { I18nProvider, isLang, type Lang } from './i18n';
import { KioskScreen } from './kiosk/KioskScreen';
import { parseScreenParams, pickScreenParams } from './kiosk/screenParams';
import { WallProvider } from './live/context';
import { createFirstDraw } from './live/createFirstDraw';
import { createNow } from './live/createNow';
import { createWall } from './live/createWall';
import { authoriseRequests, takeDisplayToken } from './remote/displayToken';
import { Overview } from './views/Overview';
import { ForViewing } from './views/office/ForViewing';
import { WallFrame } from './views/WallFrame';

// Views other than the overview load when first shown, so the overview's first load stays small.
const DistrictView = lazy(() => import('./views/district/DistrictView'));
const GridView = lazy(() => import('./views/grid/GridView'));
const IdentityView = lazy(() => import('./views/identity/IdentityView'));
const ServicesView = lazy(() => import('./views/services/ServicesView'));
const TasksView = lazy(() => import('./views/tasks/TasksView'));
const RankingView = lazy(() => import('./views/ranking/RankingView'));
// Office layouts (less, larger) load only on screens whose viewing needs them.
const OverviewOffice = lazy(() => import('./views/office/OverviewOffice'));
const DistrictOffice = lazy(() => import('./views/office/DistrictOffice'));
const GridOffice = lazy(() => import('./views/office/GridOffice'));
const IdentityOffice = lazy(() => import('./views/office/IdentityOffice'));
const ServicesOffice = lazy(() => import('./views/office/ServicesOffice'));
const TasksOffice = lazy(() => import('./views/office/TasksOffice'));
const RankingOffice = lazy(() => import('./views/office/RankingOffice'));
// The operator console is a page of its own, for a desk: a screen never loads it.
const OperatorConsole = lazy(() => import('./operator/OperatorConsole'));

/**
 * The screen around every view. Its parameters (canvas, wall tile, kiosk, display, playlist, ...) are read once
 * from the address it was opened with; language: `?lang=` wins, then the deployment's default, then Vietnamese.
 * The view is drawn once the first snapshot is in (see `createFirstDraw`).
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
  const drawn = createFirstDraw(wall);
  return (
    <WallProvider wall={wall}>
      <I18nProvider lang={lang}>
        <KioskScreen params={screen} sticky={pickScreenParams(initial)} now={props.now} registered={!!token}>
          <Show when={drawn()}>{props.children}</Show>
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
        <Route
          path="/"
          component={() => (
            <ForViewing
              dense={() => <Overview now={now} />}
              office={(px) => <OverviewOffice now={now} textPx={px} />}
            />
          )}
        />
        <Route
          path="/district/:code"
          component={() => (
            <ForViewing
              dense={() => <DistrictView now={now} />}
              office={(px) => <DistrictOffice now={now} textPx={px} />}
            />
          )}
        />
        <Route
          path="/grid"
          component={() => (
            <ForViewing dense={() => <GridView now={now} />} office={(px) => <GridOffice now={now} textPx={px} />} />
          )}
        />
        <Route
          path="/identity"
          component={() => (
            <ForViewing
              dense={() => <IdentityView now={now} />}
              office={(px) => <IdentityOffice now={now} textPx={px} />}
            />
          )}
        />
        <Route
          path="/services"
          component={() => (
            <ForViewing
              dense={() => <ServicesView now={now} />}
              office={(px) => <ServicesOffice now={now} textPx={px} />}
            />
          )}
        />
        <Route
          path="/tasks"
          component={() => (
            <ForViewing dense={() => <TasksView now={now} />} office={(px) => <TasksOffice now={now} textPx={px} />} />
          )}
        />
        <Route
          path="/ranking"
          component={() => (
            <ForViewing
              dense={() => <RankingView now={now} />}
              office={(px) => <RankingOffice now={now} textPx={px} />}
            />
          )}
        />
      </Route>
    </Router>
  );
}
