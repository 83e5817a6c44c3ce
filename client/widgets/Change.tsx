import { Show } from 'solid-js';
import { useI18n } from '../i18n';

/**
 * A change with its direction as a shape as well as a sign: an up triangle and +2,3, a down triangle and −1,5, two
 * bars for none; coloured by whether it moved the right way (`upIsGood`, true by default).
 */
export function Change(props: { value: number | null; decimals?: number; suffix?: string; upIsGood?: boolean }) {
  const { fmt } = useI18n();
  const sign = () => Math.sign(Number((props.value ?? 0).toFixed(props.decimals ?? 1)));
  const good = () => ((props.upIsGood ?? true) ? sign() > 0 : sign() < 0);
  const tone = () => (sign() === 0 ? 'flat' : good() ? 'better' : 'worse');
  return (
    <Show when={props.value !== null} fallback={<span class="change change-none">–</span>}>
      <span class={`change change-${tone()}`} data-change={tone()}>
        <svg class="change-arrow" viewBox="0 0 12 12" width="0.75em" height="0.75em" aria-hidden="true">
          <Show when={sign() !== 0} fallback={<path d="M1 3.5h10v1.6H1zM1 7h10v1.6H1z" fill="currentColor" />}>
            <path d={sign() > 0 ? 'M6 1 11.5 11h-11z' : 'M6 11 .5 1h11z'} fill="currentColor" />
          </Show>
        </svg>
        {sign() > 0 ? '+' : sign() < 0 ? '−' : ''}
        {fmt().number(Math.abs(props.value ?? 0), props.decimals ?? 1)}
        <Show when={props.suffix}>{(s) => <span class="change-suffix"> {s()}</span>}</Show>
      </span>
    </Show>
  );
}
