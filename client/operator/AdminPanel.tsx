import { createResource, createSignal, For, Show } from 'solid-js';
import type { DisplayTokenIssued } from '../../shared/control';
import { ApiError, operatorApi } from './api';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';

/** A display's address for its browser, with the token in the fragment, on this server. */
const screenUrl = (issued: DisplayTokenIssued) => new URL(issued.path, location.origin).toString();

/**
 * For admins: register displays and hand each its address with its token (shown once), issue a new token, revoke
 * one, remove a display; issue and revoke automation tokens for scripts.
 */
export function AdminPanel() {
  const { feed } = useConsole();
  const { t } = useConsoleText();
  const [error, setError] = createSignal<string | null>(null);
  const [issued, setIssued] = createSignal<DisplayTokenIssued | null>(null);
  const [secret, setSecret] = createSignal<{ name: string; secret: string } | null>(null);
  const [tokens, { refetch }] = createResource(() => operatorApi.tokens());
  const [form, setForm] = createSignal({ id: '', name: '', group: 'hall', location: '' });
  const [tokenName, setTokenName] = createSignal('');

  const act = async <T,>(action: () => Promise<T>): Promise<T | null> => {
    try {
      setError(null);
      return await action();
    } catch (e) {
      const issues =
        e instanceof ApiError && e.issues.length ? `: ${e.issues.map((i) => i.path.join('.')).join(', ')}` : '';
      setError(`${(e as Error).message}${issues}`);
      return null;
    }
  };
  /** Revoking, replacing or removing a token takes a screen off the wall: the admin confirms it first. */
  const confirmed = (
    key: 'op.admin.confirmNewToken' | 'op.admin.confirmRevoke' | 'op.admin.confirmRemove',
    id: string,
  ) => window.confirm(t(key, { id }));
  const register = async () => {
    const result = await act(() => operatorApi.registerDisplay(form()));
    if (result) {
      setIssued(result);
      setForm({ ...form(), id: '', name: '', location: '' });
    }
  };

  return (
    <section class="op-panel" data-testid="admin">
      <header class="op-panel-head">
        <h2>{t('op.admin.title')}</h2>
      </header>
      <Show when={error()}>
        {(e) => (
          <p class="op-error" role="alert">
            {e()}
          </p>
        )}
      </Show>
      <Show when={issued()}>
        {(i) => (
          <div class="op-secret" data-testid="issued-token">
            <p>{t('op.admin.issued', { id: i().display.id })}</p>
            <code data-testid="issued-url">{screenUrl(i())}</code>
            <div class="op-actions">
              <button type="button" onClick={() => void navigator.clipboard?.writeText(screenUrl(i()))}>
                {t('op.admin.copy')}
              </button>
              <button type="button" onClick={() => setIssued(null)}>
                {t('op.admin.done')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <form
        class="op-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void register();
        }}
      >
        <For each={['id', 'name', 'group', 'location'] as const}>
          {(key) => (
            <label>
              {t(`op.admin.${key}`)}
              <input
                value={form()[key]}
                onInput={(e) => setForm({ ...form(), [key]: e.currentTarget.value })}
                required={key !== 'location'}
                data-testid={`register-${key}`}
              />
            </label>
          )}
        </For>
        <button type="submit" class="op-primary" data-testid="register-send">
          {t('op.admin.register')}
        </button>
      </form>
      <table class="op-table">
        <tbody>
          <For each={feed.order().flatMap((id) => feed.displays[id] ?? [])}>
            {(d) => (
              <tr data-testid={`admin-row-${d.id}`}>
                <td>{d.name}</td>
                <td class="op-id">{d.id}</td>
                <td>{d.revokedAt === null ? t('op.admin.tokenValid') : t('op.admin.tokenRevoked')}</td>
                <td class="op-actions">
                  <button
                    type="button"
                    onClick={() =>
                      confirmed('op.admin.confirmNewToken', d.id) &&
                      void act(() => operatorApi.newDisplayToken(d.id)).then((r) => r && setIssued(r))
                    }
                  >
                    {t('op.admin.newToken')}
                  </button>
                  <button
                    type="button"
                    disabled={d.revokedAt !== null}
                    onClick={() =>
                      confirmed('op.admin.confirmRevoke', d.id) && void act(() => operatorApi.revokeDisplay(d.id))
                    }
                    data-testid={`revoke-${d.id}`}
                  >
                    {t('op.admin.revoke')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      confirmed('op.admin.confirmRemove', d.id) && void act(() => operatorApi.removeDisplay(d.id))
                    }
                  >
                    {t('op.admin.remove')}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <h3>{t('op.admin.tokens')}</h3>
      <Show when={secret()}>
        {(s) => (
          <div class="op-secret">
            <p>{t('op.admin.secretOnce', { name: s().name })}</p>
            <code>{s().secret}</code>
            <button type="button" onClick={() => setSecret(null)}>
              {t('op.admin.done')}
            </button>
          </div>
        )}
      </Show>
      <form
        class="op-actions"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => operatorApi.createToken(tokenName())).then((r) => {
            if (!r) return;
            setSecret({ name: r.token.name, secret: r.secret });
            setTokenName('');
            void refetch();
          });
        }}
      >
        <input
          value={tokenName()}
          onInput={(e) => setTokenName(e.currentTarget.value)}
          placeholder={t('op.admin.tokenName')}
          aria-label={t('op.admin.tokenName')}
          required
        />
        <button type="submit">{t('op.admin.issueToken')}</button>
      </form>
      <ul class="op-token-list">
        <For each={tokens() ?? []}>
          {(tk) => (
            <li>
              <span>{tk.name}</span>
              <span class="op-muted">
                {tk.revokedAt === null ? t('op.admin.tokenValid') : t('op.admin.tokenRevoked')}
              </span>
              <button
                type="button"
                disabled={tk.revokedAt !== null}
                onClick={() => void act(() => operatorApi.revokeToken(tk.id)).then(() => refetch())}
              >
                {t('op.admin.revoke')}
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
