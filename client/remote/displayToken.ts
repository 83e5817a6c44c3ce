import { TOKEN_FRAGMENT_KEY } from '../../shared/control';

const KEY_PREFIX = 'ioc-wall:display-token:';

/** What the page's storage and address need to offer; the browser's by default. */
export interface TokenPlace {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  hash: string;
  /** Replaces the address without its fragment, adding no history entry. */
  stripHash: () => void;
}

const browserPlace = (): TokenPlace => ({
  storage: localStorage,
  hash: location.hash,
  stripHash: () => history.replaceState(history.state, '', `${location.pathname}${location.search}`),
});

/**
 * A registered display's token. An admin gives the screen its address with the token in the fragment
 * (`#token=…`): browsers never send a fragment to the server, so it never reaches a log. The page moves it to
 * local storage, under the display's name (one browser may drive several displays, one window each), and takes
 * it out of the address bar, where it would show on screen and in screenshots. Later loads find it in storage.
 */
export function takeDisplayToken(display: string | undefined, place: TokenPlace = browserPlace()): string | undefined {
  const key = `${KEY_PREFIX}${display ?? ''}`;
  const fragment = new URLSearchParams(place.hash.replace(/^#/, ''));
  const fresh = fragment.get(TOKEN_FRAGMENT_KEY);
  if (fresh) {
    try {
      place.storage.setItem(key, fresh);
    } catch {
      // Storage refused (private mode): the token serves this page load only.
    }
    place.stripHash();
    return fresh;
  }
  try {
    return place.storage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

let pageToken: string | undefined;

/** The token this page runs with, for HTTP requests that need it on a closed wall (history). */
export function authoriseRequests(token: string | undefined): void {
  pageToken = token;
}

/** `Authorization` for the wall's own HTTP requests: the display's token, when the page has one. */
export function displayAuthHeaders(): Record<string, string> {
  return pageToken ? { authorization: `Bearer ${pageToken}` } : {};
}
