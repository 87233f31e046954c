import { pino, type Logger } from 'pino';
import type { GatewayConfig } from './config.js';

/** The gateway's one logger: JSON lines, with credentials and cookies redacted wherever they appear. */
export function createLogger(config: Pick<GatewayConfig, 'log'>): Logger {
  return pino({
    level: config.log.level,
    base: { service: 'lgsp-gateway' },
    redact: {
      paths: ['headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
