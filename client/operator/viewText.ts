import { indicatorOf } from '../../shared/catalog';
import type { CommandInput, CommandTarget, ViewSpec } from '../../shared/control';
import { regionSet } from '../../shared/regions';
import type { I18n } from '../i18n';
import type { ConsoleText } from './consoleI18n';
import type { Shown } from './viewChange';

/** A district as the console names it: `Kỳ Sơn (417)`. */
export function districtText(code: string): string {
  const district = regionSet.districts.find((d) => d.code === code);
  return district ? `${district.name} (${code})` : code;
}

/** What a view shows, in a few words: `Huyện · Kỳ Sơn (417)`, `Tổng quan · Tỷ lệ kích hoạt`. */
export function viewText(spec: ViewSpec | null, t: ConsoleText['t'], label: I18n['label']): string {
  if (!spec) return t('op.view.unknown');
  const parts = [t(`op.view.${spec.view}`, { count: regionSet.districts.length })];
  if (spec.view === 'district' && spec.district) parts.push(districtText(spec.district));
  if (spec.indicator && (spec.view === 'overview' || spec.view === 'grid')) {
    parts.push(label(indicatorOf(spec.indicator), 'short'));
  }
  if (spec.view === 'overview' && spec.district) parts.push(districtText(spec.district));
  if (spec.view === 'grid' && spec.order === 'rank') parts.push(t('op.view.byRank'));
  return parts.join(' · ');
}

/** A command in a few words: `Hiển thị: Huyện · Kỳ Sơn (417)`, `Chạy trình chiếu: hall`. */
export function commandText(command: CommandInput, t: ConsoleText['t'], label: I18n['label']): string {
  switch (command.type) {
    case 'show': {
      const lang = command.lang ? ` · ${t(`op.lang.${command.lang}`)}` : '';
      return `${t('op.command.show')}: ${viewText(command.view, t, label)}${lang}`;
    }
    case 'playlist-start':
      return `${t('op.command.playlist-start')}: ${'id' in command.playlist ? command.playlist.id : t('op.results.edited', { n: command.playlist.items.length })}`;
    case 'announce':
      return `${t('op.command.announce')}: «${command.text}»`;
    default:
      return t(`op.command.${command.type}`);
  }
}

/** Whom a command goes to: `hall-1`, `nhóm hall`, `Tất cả màn hình`. */
export function targetText(target: CommandTarget, t: ConsoleText['t']): string {
  if ('display' in target) return target.display;
  return 'group' in target ? t('op.target.groupName', { group: target.group }) : t('op.target.all');
}

/** What a display shows, in a few words: its view, or the playlist it runs. */
export function shownText(shown: Shown, t: ConsoleText['t'], label: I18n['label']): string {
  if (shown.kind === 'view') return viewText(shown.view, t, label);
  const { playlist } = shown;
  return `${t('op.displays.playlist')}: ${'id' in playlist ? playlist.id : t('op.results.edited', { n: playlist.items.length })}`;
}
