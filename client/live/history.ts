import type { IndicatorId } from '../../shared/catalog';
import { type HistoryResponse, HistoryResponseSchema } from '../../shared/history';
import { displayAuthHeaders } from '../remote/displayToken';

export interface HistoryRequest {
  region: string;
  indicator: IndicatorId;
  from: number;
  to: number;
  stepMs: number;
}

export type FetchHistory = (request: HistoryRequest, signal: AbortSignal) => Promise<HistoryResponse>;

/** `GET /api/v1/history`, checked against the shared schema. */
export const fetchHistory: FetchHistory = async (request, signal) => {
  const params = new URLSearchParams({
    region: request.region,
    indicator: request.indicator,
    from: String(Math.floor(request.from)),
    to: String(Math.ceil(request.to)),
    step: `${Math.max(1, Math.round(request.stepMs / 60_000))}m`,
  });
  const res = await fetch(`/api/v1/history?${params}`, { signal, cache: 'no-store', headers: displayAuthHeaders() });
  if (!res.ok) throw new Error(`history: HTTP ${res.status}`);
  return HistoryResponseSchema.parse(await res.json());
};
