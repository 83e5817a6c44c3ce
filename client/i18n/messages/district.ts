import { defineMessages } from './define';

/** The district detail view (`/district/:code`). */
export const districtMessages = defineMessages({
  vi: {
    'district.notFound': 'Không có đơn vị mã “{code}”',
    'district.facts': 'Mã {code} · {communes} đơn vị cấp xã',
    'district.code': 'Mã {code}',
    'district.subunits': '{n} đơn vị cấp xã',
    'district.shareOfProvince': '{share} toàn tỉnh',
    'district.alerts': 'Cảnh báo của đơn vị',
    'district.figures': 'Số liệu của đơn vị',
    'district.where': 'Vị trí trong tỉnh',
  },
  en: {
    'district.notFound': 'No unit with code “{code}”',
    'district.facts': 'Code {code} · {communes} commune-level units',
    'district.code': 'Code {code}',
    'district.subunits': '{n} commune-level units',
    'district.shareOfProvince': '{share} of the province',
    'district.alerts': 'Alerts for this unit',
    'district.figures': 'Figures for this unit',
    'district.where': 'Where it lies',
  },
});
