import { useLocation, useNavigate } from '@solidjs/router';

/**
 * Moves between views and keeps the screen's query (`lang`, `display`, the indicator, kiosk settings), so that a
 * drill-down and the way back show the wall as it was set up.
 */
export function useViewNavigation() {
  const location = useLocation();
  const navigate = useNavigate();
  const href = (path: string) => `${path}${location.search}`;
  const districtHref = (code: string) => href(`/district/${encodeURIComponent(code)}`);
  return {
    href,
    districtHref,
    openDistrict: (code: string) => navigate(districtHref(code)),
  };
}
