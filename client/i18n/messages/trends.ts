import { defineMessages } from './define';

/** Trends on the overview: sparklines, the indicator's trend, records per hour. */
export const trendMessages = defineMessages({
  vi: {
    'trend.title': 'Diễn biến 24 giờ',
    'trend.district': 'Đơn vị',
    'trend.province': 'Toàn tỉnh',
    'trend.target': 'Chỉ tiêu {value}',
    'trend.noData': 'Chưa có số liệu trong 24 giờ qua',
    'trend.spark': 'Diễn biến 24 giờ qua',
    'hourly.title': 'Hồ sơ tiếp nhận theo giờ',
    'hourly.online': 'Trực tuyến',
    'hourly.offline': 'Trực tiếp',
    'hourly.hour': '{hour} giờ',
    'hourly.none': 'Chưa có hồ sơ nào hôm nay',
  },
  en: {
    'trend.title': 'Last 24 hours',
    'trend.district': 'Unit',
    'trend.province': 'Province',
    'trend.target': 'Target {value}',
    'trend.noData': 'No figures in the last 24 hours',
    'trend.spark': 'Last 24 hours',
    'hourly.title': 'Records received per hour',
    'hourly.online': 'Online',
    'hourly.offline': 'In person',
    'hourly.hour': '{hour}:00',
    'hourly.none': 'No records yet today',
  },
});
