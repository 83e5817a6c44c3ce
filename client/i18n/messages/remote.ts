import { defineMessages } from './define';

/** A screen steered from the console: announcements, identifying itself, being refused. */
export const remoteMessages = defineMessages({
  vi: {
    'remote.announce.info': 'Thông báo',
    'remote.announce.warning': 'Thông báo quan trọng',
    'remote.announce.critical': 'Thông báo khẩn',
    'remote.announce.until': 'đến {time}',
    'remote.identify.screen': 'Màn hình',
    'remote.identify.tile': 'Ô {col},{row} của tường {cols}×{rows}',
    'remote.refused.title': 'Màn hình chưa được cấp quyền',
    'remote.refused.body':
      'Quản trị viên cần đăng ký màn hình này và cấp địa chỉ có mã truy cập mới. Màn hình tự thử lại mỗi phút.',
    'remote.refused.display': 'Tên màn hình: {display}',
    'remote.refused.unnamed': 'Màn hình chưa có tên',
  },
  en: {
    'remote.announce.info': 'Announcement',
    'remote.announce.warning': 'Important announcement',
    'remote.announce.critical': 'Urgent announcement',
    'remote.announce.until': 'until {time}',
    'remote.identify.screen': 'Screen',
    'remote.identify.tile': 'Panel {col},{row} of a {cols}×{rows} wall',
    'remote.refused.title': 'This screen is not authorised',
    'remote.refused.body':
      'An administrator needs to register this screen and give it an address with a new access token. It tries again every minute.',
    'remote.refused.display': 'Screen name: {display}',
    'remote.refused.unnamed': 'This screen has no name',
  },
});
