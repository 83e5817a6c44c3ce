import { defineMessages } from './define';

/** A screen speaking for itself: its link banner and the freshness badges on its tiles. */
export const kioskMessages = defineMessages({
  vi: {
    'kiosk.banner.lost': 'Mất kết nối',
    'kiosk.banner.dataAt': 'Dữ liệu cập nhật lúc {time}',
    'kiosk.banner.noData': 'Chưa nhận được dữ liệu',
    'kiosk.banner.retrying': 'Đang tự động kết nối lại. Số liệu trên màn hình chưa được cập nhật.',
    'kiosk.banner.refused': 'Máy chủ đã nâng cấp; màn hình sẽ tự tải lại.',
    'kiosk.tile.stale': 'Chưa cập nhật · {age}',
    'kiosk.tile.offline': 'Dữ liệu {age}',
  },
  en: {
    'kiosk.banner.lost': 'Connection lost',
    'kiosk.banner.dataAt': 'Data as of {time}',
    'kiosk.banner.noData': 'No data received yet',
    'kiosk.banner.retrying': 'Reconnecting by itself. The figures on screen are not being updated.',
    'kiosk.banner.refused': 'The server was upgraded; this screen will reload by itself.',
    'kiosk.tile.stale': 'Not updated · {age}',
    'kiosk.tile.offline': 'Data {age}',
  },
});
