/** Everything that decides the command line of one `temporal server start-dev` process. */
export interface DevServerSettings {
  dbFile: string;
  /** Interface every listener binds to; loopback in this project. */
  ip: string;
  port: number;
  uiPort: number;
  /** The frontend's HTTP API; pinned so two servers never race for the CLI's random pick. */
  httpPort: number;
  metricsPort: number;
  namespace: string;
  /** CLI 1.9.1 has `--ui-disable-news-fetch`; 1.5.1, the Go fallback's pin, does not. */
  canDisableUiNewsFetch: boolean;
}

/**
 * Builds the arguments of `temporal server start-dev` (flags as printed by CLI 1.9.1
 * `--help`). The `default` namespace always exists, so it is only named when another one
 * is asked for.
 */
export function devServerArgs(settings: DevServerSettings): string[] {
  const namespaceArgs = settings.namespace === 'default' ? [] : ['--namespace', settings.namespace];

  return [
    'server',
    'start-dev',
    ['--db-filename', settings.dbFile],
    ['--ip', settings.ip],
    ['--port', String(settings.port)],
    ['--ui-port', String(settings.uiPort)],
    ['--http-port', String(settings.httpPort)],
    ['--metrics-port', String(settings.metricsPort)],
    namespaceArgs,
    // The server and the Web UI would otherwise call temporal.io (version check, news feed):
    // nothing here may reach beyond loopback.
    ['--dynamic-config-value', 'frontend.enableServerVersionCheck=false'],
    settings.canDisableUiNewsFetch ? ['--ui-disable-news-fetch'] : [],
  ].flat();
}
