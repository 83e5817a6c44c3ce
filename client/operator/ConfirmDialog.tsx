import { type Accessor, createEffect, createSignal, For, Show } from 'solid-js';
import { useConsoleText } from './consoleI18n';

export interface ConfirmRequest {
  /** The question: what will happen, and to how many screens. */
  question: string;
  /** The screens it reaches (or what happens to each), one line each. */
  items: string[];
  /** The confirming button's words: what it does. */
  confirm: string;
}

export interface Confirmation {
  /** Resolves true once the operator confirms, false when they cancel (or another question replaces this one). */
  ask(request: ConfirmRequest): Promise<boolean>;
  pending: Accessor<ConfirmRequest | null>;
  answer(yes: boolean): void;
}

/** One question at a time, answered in the console's dialog. */
export function createConfirmation(): Confirmation {
  const [pending, setPending] = createSignal<ConfirmRequest | null>(null);
  let settle: ((yes: boolean) => void) | null = null;
  const answer = (yes: boolean) => {
    const done = settle;
    settle = null;
    setPending(null);
    done?.(yes);
  };
  return {
    pending,
    answer,
    ask(request) {
      answer(false);
      return new Promise((resolve) => {
        settle = resolve;
        setPending(request);
      });
    },
  };
}

/**
 * The console's question before a command that reaches many screens, as a modal dialog. Cancel has the focus, so
 * that a stray Enter (or two) sends nothing; Escape cancels too.
 */
export function ConfirmDialog(props: { confirmation: Confirmation }) {
  const { t } = useConsoleText();
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (!dialog) return;
    if (props.confirmation.pending()) {
      dialog.returnValue = '';
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class="op-dialog"
      data-testid="confirm"
      aria-labelledby="op-confirm-question"
      onClose={() => props.confirmation.answer(dialog?.returnValue === 'yes')}
    >
      <Show when={props.confirmation.pending()}>
        {(request) => (
          <form method="dialog">
            <p id="op-confirm-question" class="op-dialog-question" data-testid="confirm-question">
              {request().question}
            </p>
            <ul class="op-dialog-items" data-testid="confirm-items">
              <For each={request().items}>{(item) => <li>{item}</li>}</For>
            </ul>
            <div class="op-actions">
              <button type="submit" value="no" autofocus data-testid="confirm-cancel">
                {t('op.confirm.cancel')}
              </button>
              <button type="submit" value="yes" class="op-primary" data-testid="confirm-ok">
                {request().confirm}
              </button>
            </div>
          </form>
        )}
      </Show>
    </dialog>
  );
}
