import { defineMessages } from './define';

/** The identity view (`/identity`): chip ID cards and electronic identification. */
export const identityMessages = defineMessages({
  vi: {
    'identity.title': 'Căn cước công dân và định danh điện tử',
    'identity.subtitle': 'Cơ sở dữ liệu quốc gia về dân cư',
    'identity.eligible': 'Công dân đủ điều kiện',
    'identity.funnel': 'Tài khoản định danh điện tử (VNeID)',
    'identity.collected': 'Hồ sơ đã thu nhận',
    'identity.activated': 'Tài khoản đã kích hoạt',
    'identity.notActivated': 'Còn {n} hồ sơ chưa kích hoạt · tỷ lệ kích hoạt {rate}',
    'identity.byDistrict': 'So sánh {count} đơn vị',
    'identity.rankedOn': 'xếp hạng theo {indicator}',
    'identity.unit': 'Đơn vị',
  },
  en: {
    'identity.title': 'Citizen ID cards and electronic identification',
    'identity.subtitle': 'National population database',
    'identity.eligible': 'Eligible citizens',
    'identity.funnel': 'Electronic identification accounts (VNeID)',
    'identity.collected': 'Applications collected',
    'identity.activated': 'Accounts activated',
    'identity.notActivated': '{n} applications not yet activated · activation rate {rate}',
    'identity.byDistrict': 'The {count} units compared',
    'identity.rankedOn': 'ranked on {indicator}',
    'identity.unit': 'Unit',
  },
});
