import { defineMessages } from './define';

/** The service index view (`/ranking`). */
export const serviceIndexMessages = defineMessages({
  vi: {
    'serviceIndex.title': 'Chỉ số phục vụ người dân, doanh nghiệp',
    'serviceIndex.periods': 'Kỳ {current}, so với kỳ {previous}',
    'serviceIndex.columns': 'hạng, thay đổi hạng, điểm, thay đổi điểm',
    'serviceIndex.movers': 'Thay đổi lớn nhất',
    'serviceIndex.since': 'so với kỳ {previous}',
  },
  en: {
    'serviceIndex.title': 'Service index for citizens and businesses',
    'serviceIndex.periods': '{current}, compared with {previous}',
    'serviceIndex.columns': 'rank, rank change, score, score change',
    'serviceIndex.movers': 'Largest changes',
    'serviceIndex.since': 'since {previous}',
  },
});
