import { type JSX, Show } from 'solid-js';
import { useI18n } from '../i18n';
import './viewTitle.css';

/** The bar under the header that names what a view shows, with a way back to the overview when it has one. */
export function ViewTitle(props: { title: string; subtitle?: string; back?: string; children?: JSX.Element }) {
  const { t } = useI18n();
  return (
    <div class="view-title">
      <Show when={props.back}>
        {(href) => (
          <a class="back-link" href={href()} data-testid="back-link" data-chrome>
            <span aria-hidden="true">←</span> {t('view.back')}
          </a>
        )}
      </Show>
      <h2 class="view-name" data-testid="view-title">
        {props.title}
      </h2>
      <Show when={props.subtitle}>
        <span class="view-subtitle">{props.subtitle}</span>
      </Show>
      <div class="view-title-end">{props.children}</div>
    </div>
  );
}

/** Says plainly that a panel shows sample entries, not the province's register. */
export function SampleBadge() {
  const { t } = useI18n();
  return (
    <span class="sample-badge" data-testid="sample-badge">
      {t('view.sample')}
    </span>
  );
}
