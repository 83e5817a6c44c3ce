import { defineMessages } from './define';

/** The alert ticker at the foot of every view, and alert marks on the map and the grid. */
export const alertMessages = defineMessages({
  vi: {
    'alert.title': 'Cảnh báo',
    'alert.none': 'Không có cảnh báo',
    'alert.critical': '{n} nghiêm trọng',
    'alert.warning': '{n} cần chú ý',
    'alert.belowTarget': '{value}, chưa đạt chỉ tiêu {target}',
    'alert.farBelowTarget': '{value}, thấp xa chỉ tiêu {target}',
    'alert.dailyDrop': 'giảm {share} so với cuối ngày hôm trước ({from} → {to})',
    'alert.sourceSilent': 'Nguồn dữ liệu “{source}” không gửi số liệu từ {time}',
    'alert.simulator': 'Bộ mô phỏng',
    'alert.more': 'và {n} chỉ số khác chưa đạt chỉ tiêu',
    'alert.acknowledged': 'Đã tiếp nhận',
    'alert.since': 'từ {time}',
    'alert.mapLegend': 'Có cảnh báo nghiêm trọng',
    'alert.severityCritical': 'Nghiêm trọng',
    'alert.severityWarning': 'Cần chú ý',
  },
  en: {
    'alert.title': 'Alerts',
    'alert.none': 'No active alerts',
    'alert.critical': '{n} critical',
    'alert.warning': '{n} to watch',
    'alert.belowTarget': '{value}, below the {target} target',
    'alert.farBelowTarget': '{value}, far below the {target} target',
    'alert.dailyDrop': 'down {share} on the end of the previous day ({from} → {to})',
    'alert.sourceSilent': 'Data source “{source}” has sent nothing since {time}',
    'alert.simulator': 'Simulator',
    'alert.more': 'and {n} other figures below target',
    'alert.acknowledged': 'Acknowledged',
    'alert.since': 'since {time}',
    'alert.mapLegend': 'Critical alert',
    'alert.severityCritical': 'Critical',
    'alert.severityWarning': 'To watch',
  },
});
