export { ExchangeClient, type CallOptions, type DownloadOptions, type ExchangeClientOptions, type SendOptions, type WatchOptions } from './client.js';
export { ExchangeError, type ExchangeErrorCode } from './errors.js';
export {
  createAxisClient,
  type AxisCallOptions,
  type AxisClient,
  type AxisClientOptions,
  type AxisListOptions,
  type AxisSendOptions,
} from './axis.js';
