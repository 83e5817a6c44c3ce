import { operatorApi } from './api';
import { ConsoleBrand, LangToggle } from './ConsoleBrand';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';

/** The console's header: what it is, whether its feed is live, who is signed in, the language, signing out. */
export function ConsoleTop(props: { onSignedOut: () => void }) {
  const { session, feed } = useConsole();
  const { t } = useConsoleText();
  const signOut = () => operatorApi.signOut().finally(props.onSignedOut);
  return (
    <header class="op-top">
      <ConsoleBrand />
      <span class={`op-link-state ${feed.connected() ? 'live' : 'down'}`} data-testid="feed-state">
        {feed.connected() ? t('op.feed.live') : t('op.feed.down')}
      </span>
      <div class="op-user">
        <LangToggle class="op-chip" testId="console-lang" />
        <span>
          {session.user.name} · {t(`op.role.${session.user.role}`)}
        </span>
        <button type="button" class="op-chip" onClick={() => void signOut()} data-testid="sign-out">
          {t('op.signOut')}
        </button>
      </div>
    </header>
  );
}
