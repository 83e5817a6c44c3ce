import { Show } from 'solid-js';

/** Makes a whole row or tile a link (to a district's detail) when it has somewhere to go; see `.row-link`. */
export function RowLink(props: { href: string | undefined; label: string }) {
  return (
    <Show when={props.href}>
      {(href) => (
        <a class="row-link" href={href()}>
          <span class="visually-hidden">{props.label}</span>
        </a>
      )}
    </Show>
  );
}
