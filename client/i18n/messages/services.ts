import { defineMessages } from './define';

/** The online public services view (`/services`). */
export const servicesMessages = defineMessages({
  vi: {
    'services.title': 'Dịch vụ công trực tuyến',
    'services.subtitle': 'Toàn tỉnh, địa phương và sở, ban, ngành',
    'services.localities': 'Địa phương (huyện, xã)',
    'services.departments': 'Sở, ban, ngành',
    'services.wholeProvince': 'Toàn tỉnh',
    'services.ranking': 'Xếp hạng sở, ban, ngành',
    'services.rankedOn': 'theo {indicator}',
    'services.today': 'Hồ sơ hôm nay',
  },
  en: {
    'services.title': 'Online public services',
    'services.subtitle': 'Province, localities and departments',
    'services.localities': 'Localities (districts, communes)',
    'services.departments': 'Departments and sectors',
    'services.wholeProvince': 'Whole province',
    'services.ranking': 'Departments ranked',
    'services.rankedOn': 'on {indicator}',
    'services.today': 'Records today',
  },
});
