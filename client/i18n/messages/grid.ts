import { defineMessages } from './define';

/** The district grid (`/grid`). */
export const gridMessages = defineMessages({
  vi: {
    'grid.order': 'Thứ tự',
    'grid.byRegion': 'Theo địa bàn',
    'grid.byRank': 'Theo xếp hạng',
    'grid.level': 'Cấp',
    'grid.level.units': 'Từng đơn vị',
    'grid.level.groups': 'Theo nhóm',
    'grid.groups': '{count} nhóm',
    'grid.source.government': 'Chỉ tiêu của Chính phủ',
    'grid.source.article': 'Chỉ tiêu của tỉnh',
    'grid.source.default': 'Chỉ tiêu mặc định, điều chỉnh được',
  },
  en: {
    'grid.order': 'Order',
    'grid.byRegion': 'By area',
    'grid.byRank': 'By rank',
    'grid.level': 'Level',
    'grid.level.units': 'Each unit',
    'grid.level.groups': 'By group',
    'grid.groups': '{count} groups',
    'grid.source.government': 'Government target',
    'grid.source.article': "The province's target",
    'grid.source.default': 'Default target, configurable',
  },
});
