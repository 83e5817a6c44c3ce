import { defineMessages } from './define';

/** Wording the views share: the way back, sample labels, ranks, comparisons. */
export const viewMessages = defineMessages({
  vi: {
    'view.back': 'Tổng quan',
    'view.sample': 'Dữ liệu mẫu',
    'view.rank': 'Hạng {rank}/{total}',
    'view.points': 'điểm',
    'view.vsProvince': 'so với toàn tỉnh',
    'view.province': 'Toàn tỉnh {value}',
    'view.meetingTargets': 'Đạt {n}/{total} chỉ tiêu',
    'view.unitsMeeting': '{n}/{total} đơn vị đạt chỉ tiêu',
  },
  en: {
    'view.back': 'Overview',
    'view.sample': 'Sample data',
    'view.rank': 'Rank {rank} of {total}',
    'view.points': 'pts',
    'view.vsProvince': 'vs the province',
    'view.province': 'Province {value}',
    'view.meetingTargets': 'Meets {n} of {total} targets',
    'view.unitsMeeting': '{n} of {total} units meet the target',
  },
});
