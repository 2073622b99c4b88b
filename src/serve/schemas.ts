// Route schemas of the service: the query parameters each route accepts (checked in the upload step, and
// the source of `GET /openapi.json`), the shape of every answer, and the upload bodies as documentation.

import { DIFF_FORMATS } from '../diff/format.js';
import { formatNames } from '../formatters/index.js';
import { DEFAULT_PROFILE } from '../indicators/default-profile.js';
import { loadProfiles } from '../indicators/index.js';
import { OUTPUT_FORMATS } from '../io/writers/index.js';
import { extendableNames } from '../rules/settings.js';
import { UPLOAD_MEDIA_TYPES } from './media-types.js';

/** The upload routes. */
export type Route = 'validate' | 'compile' | 'diff';

/** `?profile=none` on POST /v1/diff: no score before → after. */
export const NO_PROFILE = 'none';

/** `{ error: { code, message, data? } }`: every answer that is not 200. */
export const ERROR_SCHEMA = {
  type: 'object',
  description: 'Every non-200 answer. 错误：code 是稳定的代码，message 按请求的语言。',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'e.g. service/saturated, input/limit' },
        message: { type: 'string' },
        data: { type: 'object', additionalProperties: true },
      },
      additionalProperties: true,
    },
  },
} as const;

const SESSION_QUERY = {
  lang: { type: 'string', enum: ['zh', 'en'], description: 'language of messages (else Accept-Language)' },
  kind: { type: 'string', enum: ['shared', 'open', 'auto'], description: 'catalog kind (default auto)' },
  today: {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'the date staleness is judged on',
  },
} as const;

const COMMON_QUERY = {
  ...SESSION_QUERY,
  filename: { type: 'string', maxLength: 255, description: 'the upload file name (gives the format)' },
} as const;

/** The query of POST /v1/diff: a diff format, a scoring profile (or none) and the session's options. */
function diffQuerySchema() {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      format: { type: 'string', enum: [...DIFF_FORMATS], default: 'json', description: 'diff format' },
      profile: {
        type: 'string',
        enum: [...loadProfiles().keys(), NO_PROFILE],
        default: DEFAULT_PROFILE,
        description:
          'the scoring profile of the score before → after (as `govcat diff --profile`); none: no score',
      },
      ...SESSION_QUERY,
    },
  };
}

/** Query schemas by route: the parameters and nothing else (unknown ones are refused). */
export function querySchema(route: Route) {
  if (route === 'diff') return diffQuerySchema();
  if (route === 'validate') {
    return {
      type: 'object',
      additionalProperties: false,
      properties: {
        format: { type: 'string', enum: formatNames(), default: 'json', description: 'report format' },
        profile: {
          type: 'string',
          enum: [...new Set([...loadProfiles().keys(), ...extendableNames()])],
          description: 'a scoring profile (adds the score) or a rule preset',
        },
        ...COMMON_QUERY,
      },
    };
  }
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      to: { type: 'string', enum: [...OUTPUT_FORMATS], description: 'output format (default: the input’s)' },
      response: { type: 'string', enum: ['catalog', 'json'], default: 'catalog' },
      codes: {
        type: 'string',
        enum: ['true', 'false'],
        default: 'true',
        description: 'assign missing codes',
      },
      sequenceWidth: { type: 'string', pattern: '^(?:[1-9]|1[0-2])$' },
      ...COMMON_QUERY,
    },
  };
}

const params = new Map<Route, readonly string[]>();

/** The parameter names of a route: the properties of its query schema. */
export function routeParams(route: Route): readonly string[] {
  let names = params.get(route);
  if (!names) {
    names = Object.keys(querySchema(route).properties);
    params.set(route, names);
  }
  return names;
}

/** The statuses every upload route may answer besides 200. */
function uploadErrors() {
  const e = (description: string) => ({ ...ERROR_SCHEMA, description });
  return {
    400: e('unreadable catalog, bad parameter (files[].error of the CLI for unreadable files)'),
    401: e('--token is set and the request carries no or a wrong Authorization: Bearer token'),
    403: e('Host not allowed (--allowed-host) or a browser POST from a foreign Origin (--allow-origin)'),
    408: e('the upload arrived slower than --min-upload-rate, or not within --request-timeout'),
    413: e('larger than --max-body'),
    415: e('a type no installed reader handles'),
    503: e('every place taken (Retry-After: 1), or shutting down'),
  };
}

/** The documented request body of an upload route (documentation only: the parsers read the bytes). */
export function uploadBody() {
  const binary = { type: 'string', format: 'binary' };
  const content: Record<string, { schema: unknown }> = {};
  for (const type of [...Object.keys(UPLOAD_MEDIA_TYPES), 'application/octet-stream']) {
    content[type] = { schema: binary };
  }
  content['multipart/form-data'] = {
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: binary,
        lock: { type: 'string', description: 'POST /v1/compile: govcat.lock.json' },
      },
    },
  };
  return { description: 'the catalog file (one per request)', content };
}

/** Route schema of POST /v1/validate. */
export function validateSchema() {
  return {
    summary: 'Validate one catalog file · 校验一个目录文件',
    description:
      'The report in ?format=. 200 also when the catalog has errors: summary.errors says so. The body is the file with its own Content-Type, application/octet-stream with ?filename=, or multipart/form-data with one file.',
    querystring: querySchema('validate'),
    response: {
      200: {
        description: 'the report (JSON: as `govcat validate --format json`; other formats as text)',
        content: {
          'application/json': { schema: { type: 'object', additionalProperties: true } },
          'application/sarif+json': { schema: { type: 'object', additionalProperties: true } },
          'application/xml': { schema: { type: 'string' } },
          'text/html': { schema: { type: 'string' } },
          'text/markdown': { schema: { type: 'string' } },
          'text/plain': { schema: { type: 'string' } },
        },
      },
      ...uploadErrors(),
    },
  };
}

/** Route schema of POST /v1/compile. */
export function compileSchema() {
  const catalogs: Record<string, { schema: unknown }> = {};
  for (const type of Object.keys(UPLOAD_MEDIA_TYPES))
    catalogs[type] = { schema: { type: 'string', format: 'binary' } };
  catalogs['application/json'] = {
    schema: {
      type: 'object',
      description:
        '?response=json: { report, output: { name, format, mediaType, base64 }, lock, lockChanged }; else the catalog as JSON',
      additionalProperties: true,
    },
  };
  return {
    summary: 'Compile one catalog: safe fixes, resource codes · 编译目录',
    description:
      'The compiled catalog in ?to= (default the upload’s format) with X-Govcat-Errors/-Warnings/-Fixes/-Codes headers, or ?response=json. Send govcat.lock.json as the multipart field `lock`.',
    querystring: querySchema('compile'),
    response: {
      200: { description: 'the compiled catalog', content: catalogs },
      ...uploadErrors(),
    },
  };
}

/** Route schema of POST /v1/diff. */
export function diffSchema() {
  return {
    summary: 'What changed between two versions of a catalog · 比较目录的两个版本',
    description:
      'multipart/form-data with two files: `old` (the earlier version) and `new`, in any readable formats (also an xlsx against a json export). The diff in ?format= (JSON: as `govcat diff --format json`, schemas/diff.schema.json), with X-Govcat-New-Errors and X-Govcat-Errors headers. 200 also when the new version adds errors. The two files together at most --max-body; the time cap covers both.',
    querystring: querySchema('diff'),
    response: {
      200: {
        description: 'the diff (JSON: as `govcat diff --format json`; other formats as text)',
        content: {
          'application/json': { schema: { type: 'object', additionalProperties: true } },
          'text/html': { schema: { type: 'string' } },
          'text/markdown': { schema: { type: 'string' } },
          'text/plain': { schema: { type: 'string' } },
        },
      },
      ...uploadErrors(),
    },
  };
}

/** The documented request body of POST /v1/diff (documentation only: the route reads the parts). */
export function diffBody() {
  const binary = { type: 'string', format: 'binary' };
  return {
    description: 'the two versions, each a file part named by its field',
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['old', 'new'],
          properties: {
            old: { ...binary, description: 'the earlier version (its file name gives the format)' },
            new: { ...binary, description: 'the later version' },
          },
        },
      },
    },
  };
}

const jsonOk = (description: string, schema: object) => ({ 200: { description, ...schema } });

/** Route schema of GET /v1/rules. */
export const RULES_SCHEMA = {
  summary: 'Every rule · 全部规则',
  response: jsonOk('as `govcat rules --format json`', {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'category', 'severity'],
      properties: {
        id: { type: 'string' },
        category: { type: 'string' },
        severity: { type: 'string' },
        recommended: { type: 'boolean' },
        fixable: { type: 'boolean' },
        kinds: { type: 'string' },
        title: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
        basis: { type: 'string' },
      },
    },
  }),
};

/** Route schema of GET /v1/formats. */
export const FORMATS_SCHEMA = {
  summary: 'Accepted uploads and report formats · 支持的格式',
  response: jsonOk('the upload types the installed readers accept, and the report formats', {
    type: 'object',
    properties: {
      inputs: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            format: { type: 'string' },
            mediaTypes: { type: 'array', items: { type: 'string' } },
            extensions: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      outputs: { type: 'array', items: { type: 'string' } },
    },
  }),
};

const HEALTH = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'draining', 'closed'] },
    version: { type: 'string' },
    uptimeSeconds: { type: 'integer' },
    inflight: { type: 'integer', description: 'uploads received and running or queued' },
    limit: { type: 'integer', description: 'concurrency + queue' },
    receiving: { type: 'integer', description: 'uploads being received' },
    maxUploads: { type: 'integer' },
    workers: { type: 'object', additionalProperties: true },
    memory: { type: 'object', additionalProperties: true },
  },
};

/** Route schema of GET /healthz (open even with --token). */
export const HEALTH_SCHEMA = {
  summary: 'Health · 健康检查 (no token needed)',
  response: { 200: { description: 'ready', ...HEALTH }, 503: { description: 'shutting down', ...HEALTH } },
};
