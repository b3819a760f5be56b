/** The bounded HTTP exchange now lives in the adapter kit, shared with the REST clients. */
export { exchangeHttp } from '../kit/http-exchange';
export type { HttpExchangeRequest, HttpExchangeResponse } from '../kit/http-exchange';
