/**
 * What changes when a compose service runs as a plain process on this machine instead of in a
 * container: host names become 127.0.0.1, container ports become the ports this cluster chose,
 * container paths become directories of the cluster. Nothing else. Pure functions, so the rules
 * are unit-tested and the cluster suite can check a running replica's environment against them.
 */
import type { EnvMap } from './compose.ts';

export interface HostMap {
  /** The host port of each service another service connects to (postgres, redis). */
  servicePorts: Record<string, number>;
  /** Container path → host path: the service's volumes and the image's working directory. */
  paths: Record<string, string>;
}

const URL_WITH_HOST = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?)([A-Za-z0-9_.-]+)(?::(\d+))?(.*)$/;

function translatePath(value: string, paths: Record<string, string>): string | undefined {
  // Longest container path first: a volume inside the working directory wins over the directory.
  for (const from of Object.keys(paths).sort((a, b) => b.length - a.length)) {
    if (value === from || value.startsWith(`${from}/`)) return paths[from] + value.slice(from.length);
  }
  return undefined;
}

/**
 * A container's environment for a process on this host, and which variables changed.
 * @example hostEnvironment({ DB_HOST: 'postgres', DB_PORT: '5432' }, { servicePorts: { postgres: 55432 }, paths: {} }).env // { DB_HOST: '127.0.0.1', DB_PORT: '55432' }
 */
export function hostEnvironment(containerEnv: EnvMap, map: HostMap): { env: EnvMap; changed: string[] } {
  const isService = (name: string | undefined) => name !== undefined && Object.hasOwn(map.servicePorts, name);
  const env: EnvMap = {};
  const changed: string[] = [];
  for (const [key, value] of Object.entries(containerEnv)) {
    let next = value;
    const url = URL_WITH_HOST.exec(value);
    const hostKey = key.endsWith('_PORT') ? `${key.slice(0, -'_PORT'.length)}_HOST` : undefined;
    // Only a *_HOST variable names a host: CACHE_STORE=redis names a kind of store, not the service.
    if (key.endsWith('_HOST') && isService(value)) {
      next = '127.0.0.1';
    } else if (url && isService(url[2])) {
      next = `${url[1]}127.0.0.1:${map.servicePorts[url[2]!]}${url[4] ?? ''}`;
    } else if (hostKey && isService(containerEnv[hostKey])) {
      next = String(map.servicePorts[containerEnv[hostKey]!]);
    } else if (value.startsWith('/')) {
      next = translatePath(value, map.paths) ?? value;
    }
    env[key] = next;
    if (next !== value) changed.push(key);
  }
  return { env, changed };
}

/** Replaces `/container/path` prefixes in `$PATH`-like values (the image's ENV PATH). */
export function hostPathList(value: string, map: HostMap, hostPath: string): string {
  return value
    .split(':')
    .map((part) => (part === '$PATH' || part === '${PATH}' ? hostPath : (translatePath(part, map.paths) ?? part)))
    .join(':');
}

export interface NginxHost {
  /** Where nginx listens. */
  listen: number;
  /** Upstream server name (compose service) → the port its replica listens on. */
  upstreams: Record<string, number>;
  /** The directory for nginx's pid, logs and temporary files. */
  dir: string;
  /** The directory served as nginx's `root` (holds h5/). */
  html: string;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`deploy/nginx/nginx.conf: expected ${what} (${pattern}); update scripts/lib/cluster/translate.ts with the file`);
  return text.replace(pattern, replacement);
}

/**
 * deploy/nginx/nginx.conf for nginx on this host: the same file with the listen address, the
 * upstream servers (each compose replica's `server directus-N:8055 …` line pointing at its port,
 * without `resolve`, which needs Docker's DNS and nginx ≥ 1.27.3), and pid, log, temp and root
 * paths under the cluster's directory. Throws when the upstream names are not exactly the
 * replicas compose runs, so the two files cannot drift apart.
 */
export function hostNginxConf(text: string, host: NginxHost): string {
  let conf = text;
  const named = [...conf.matchAll(/^\s*server\s+([A-Za-z0-9_-]+):8055\b[^;]*;/gm)].map((match) => match[1]!);
  const wanted = Object.keys(host.upstreams);
  if (named.sort().join() !== [...wanted].sort().join()) {
    throw new Error(`deploy/nginx/nginx.conf lists upstreams [${named.join(', ')}] but docker-compose.yml runs replicas [${wanted.join(', ')}]`);
  }
  conf = conf.replace(/^(\s*)server\s+([A-Za-z0-9_-]+):8055\b([^;]*);/gm, (_line, indent: string, name: string, params: string) => {
    return `${indent}server 127.0.0.1:${host.upstreams[name]}${params.replace(/\s+resolve\b/, '')};`;
  });
  conf = replaceOnce(conf, /^pid\s+\S+;/m, `pid ${host.dir}/nginx.pid;`, 'a pid directive');
  conf = replaceOnce(conf, /\/var\/log\/nginx\//g, `${host.dir}/logs/`, 'log paths under /var/log/nginx/');
  conf = replaceOnce(conf, /listen\s+80\s+default_server;/, `listen 127.0.0.1:${host.listen} default_server;`, 'listen 80 default_server');
  conf = replaceOnce(conf, /root\s+\/usr\/share\/nginx\/html;/, `root ${host.html};`, 'root /usr/share/nginx/html');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${host.dir}/tmp/${kind};`).join('\n');
  conf = replaceOnce(conf, /^http\s*\{\n/m, `http {\n    # Temporary files under the cluster's directory (the packaged paths belong to the system nginx).\n${temp}\n`, 'an http block');
  return conf;
}
