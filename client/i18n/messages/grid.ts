import { defineMessages } from './define';

/** The district grid (`/grid`). */
export const gridMessages = defineMessages({
  vi: {
    'grid.order': 'Thứ tự',
    'grid.byRegion': 'Theo địa bàn',
    'grid.byRank': 'Theo xếp hạng',
    'grid.source.government': 'Chỉ tiêu của Chính phủ',
    'grid.source.article': 'Chỉ tiêu của tỉnh',
    'grid.source.default': 'Chỉ tiêu mặc định, điều chỉnh được',
  },
  en: {
    'grid.order': 'Order',
    'grid.byRegion': 'By area',
    'grid.byRank': 'By rank',
    'grid.source.government': 'Government target',
    'grid.source.article': "The province's target",
    'grid.source.default': 'Default target, configurable',
  },
});
