import { Show } from 'solid-js';
import { useI18n } from '../i18n';

/** "page 2 of 3" beside a list that pages, so that a leader knows more comes; nothing when it shows all. */
export function PageMark(props: { page: () => number; pages: () => number; testId: string; class?: string }) {
  const { t } = useI18n();
  return (
    <Show when={props.pages() > 1}>
      <small class={props.class} data-testid={props.testId}>
        {t('panel.page', { page: props.page() + 1, pages: props.pages() })}
      </small>
    </Show>
  );
}
