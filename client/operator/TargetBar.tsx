import { createMemo } from 'solid-js';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { selectedDisplays } from './selection';

/** The selection in words: `Hội trường 1 (hall-1)`, `nhóm hall: 2 màn hình, 2 trực tuyến`. */
export function useTargetText(): () => string {
  const { feed, selection } = useConsole();
  const { t } = useConsoleText();
  const displays = createMemo(() =>
    selectedDisplays(
      selection(),
      feed.order().flatMap((id) => feed.displays[id] ?? []),
    ),
  );
  return () => {
    const s = selection();
    const n = displays().length;
    const online = displays().filter((d) => d.online).length;
    if (s.kind === 'display') {
      const d = displays()[0];
      return t('op.target.display', { name: d?.name ?? s.id, id: s.id });
    }
    const who = s.kind === 'group' ? t('op.target.groupName', { group: s.group }) : t('op.target.all');
    return t('op.target.many', { who, n, online });
  };
}

/** Which screens the commands below go to, said plainly: a wrong target is the costliest mistake here. */
export function TargetBar() {
  const { selection } = useConsole();
  const { t } = useConsoleText();
  const text = useTargetText();
  return (
    <p class="op-target" data-testid="target" data-kind={selection().kind}>
      <span class="op-muted">{t('op.target.label')}</span> <strong>{text()}</strong>
    </p>
  );
}
