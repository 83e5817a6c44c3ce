import { createSignal, Show } from 'solid-js';
import type { SessionInfo } from '../../shared/control';
import { ApiError, operatorApi } from './api';
import { ConsoleBrand, LangToggle } from './ConsoleBrand';
import { useConsoleText } from './consoleI18n';

/** Signing in: a name and a password; too many failures from one place are slowed down by the server. */
export function LoginPage(props: { onSignedIn: (session: SessionInfo) => void }) {
  const { t } = useConsoleText();
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      props.onSignedIn(await operatorApi.signIn(name(), password()));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'NETWORK';
      setError(
        code === 'UNAUTHORIZED' || code === 'BAD_REQUEST'
          ? t('op.login.wrong')
          : code === 'RATE_LIMITED'
            ? t('op.login.limited')
            : t('op.login.failed'),
      );
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="op-login">
      <form class="op-panel op-login-form" onSubmit={(e) => void submit(e)} data-testid="login">
        <ConsoleBrand />
        <label>
          {t('op.login.name')}
          <input
            name="username"
            autocomplete="username"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            required
            data-testid="login-name"
          />
        </label>
        <label>
          {t('op.login.password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
            data-testid="login-password"
          />
        </label>
        <Show when={error()}>
          {(message) => (
            <p class="op-error" role="alert" data-testid="login-error">
              {message()}
            </p>
          )}
        </Show>
        <button type="submit" class="op-primary" disabled={busy()} data-testid="login-submit">
          {t('op.login.submit')}
        </button>
        <LangToggle class="op-link" />
      </form>
    </main>
  );
}
