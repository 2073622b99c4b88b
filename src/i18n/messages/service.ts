// Messages of the worker pool, the HTTP service (govcat serve) and its command-line options.
import type { MessageTable } from '../types.js';

export const serviceMessages = {
  'worker.timeout': {
    zh: '{{file}} 的读取和校验超过 {{limit}} 毫秒（--timeout-ms），已停止：文件可能过大或内容异常',
    en: 'reading and validating {{file}} took longer than {{limit}} ms (--timeout-ms) and was stopped: the file may be too large or malformed',
  },
  'worker.memory': {
    zh: '{{file}} 的读取和校验超过内存上限 {{limit}} MiB（--max-worker-memory），已停止：文件可能过大或内容异常',
    en: 'reading and validating {{file}} needed more than {{limit}} MiB (--max-worker-memory) and was stopped: the file may be too large or malformed',
  },
  'worker.tooLarge': {
    zh: '{{file}} 有 {{size}} 字节，解析它约需 {{needed}} MiB 内存，超过工作线程上限 {{limit}} MiB（--max-worker-memory）：请拆分文件或提高上限',
    en: '{{file}} is {{size}} bytes; parsing it needs about {{needed}} MiB, more than the worker limit of {{limit}} MiB (--max-worker-memory): split the file or raise the limit',
  },
  'service.memoryTooSmall': {
    zh: '--max-worker-memory {{memory}} MiB 不足以解析 --max-body {{body}} 字节的上传：至少需要 {{needed}} MiB，请提高 --max-worker-memory 或降低 --max-body',
    en: '--max-worker-memory {{memory}} MiB cannot parse uploads of --max-body {{body}} bytes: it needs at least {{needed}} MiB; raise --max-worker-memory or lower --max-body',
  },
  'service.bodyTooLarge': {
    zh: '上传的文件超过上限 --max-body {{limit}} 字节',
    en: 'the upload is larger than the limit --max-body {{limit}} bytes',
  },
  'service.unsupportedMediaType': {
    zh: '不支持的内容类型“{{type}}”：请用 {{types}} 之一上传目录文件，或用 multipart/form-data 上传一个文件',
    en: 'unsupported content type "{{type}}": upload the catalog as one of {{types}}, or one file in multipart/form-data',
  },
  'service.unsupportedFile': {
    zh: '无法判断上传文件“{{file}}”的格式：请给出扩展名为 {{extensions}} 的文件名（?filename= 或 Content-Disposition），或使用对应的 Content-Type',
    en: 'cannot tell the format of the upload "{{file}}": give a file name ending in {{extensions}} (?filename= or Content-Disposition), or the matching Content-Type',
  },
  'service.noBody': {
    zh: '请求没有内容：请把目录文件作为请求体上传',
    en: 'the request has no body: send the catalog file as the body',
  },
  'service.noFile': {
    zh: 'multipart 请求中没有文件：请用一个文件字段上传目录',
    en: 'the multipart request holds no file: send the catalog in one file field',
  },
  'service.oneFile': {
    zh: '一次只能上传一个文件：请为每个目录文件单独发送请求',
    en: 'only one file per request: send each catalog file in its own request',
  },
  'service.badParameter': {
    zh: '参数 {{name}} 的值“{{value}}”无效：{{expected}}',
    en: 'parameter {{name}} has an invalid value "{{value}}": {{expected}}',
  },
  'service.unknownParameter': {
    zh: '未知参数“{{name}}”：可用 {{names}}',
    en: 'unknown parameter "{{name}}": use {{names}}',
  },
  'service.unknownProfile': {
    zh: '未知的规则集“{{name}}”（?profile=）：可用 {{available}}',
    en: 'unknown profile "{{name}}" (?profile=): available are {{available}}',
  },
  'service.saturated': {
    zh: '服务繁忙：{{inflight}} 个请求正在处理或排队（上限 {{limit}}），请稍后重试',
    en: 'the service is busy: {{inflight}} requests are running or queued (limit {{limit}}); retry later',
  },
  'service.shuttingDown': {
    zh: '服务正在停止，请稍后重试',
    en: 'the service is shutting down; retry later',
  },
  'service.notFound': {
    zh: '没有这个接口：{{method}} {{path}}；可用 POST /v1/validate、POST /v1/compile、GET /v1/rules、GET /v1/formats、GET /healthz',
    en: 'no such endpoint: {{method}} {{path}}; use POST /v1/validate, POST /v1/compile, GET /v1/rules, GET /v1/formats, GET /healthz',
  },
  'service.badRequest': {
    zh: '请求无效：{{reason}}',
    en: 'bad request: {{reason}}',
  },
  'service.internal': {
    zh: '服务内部错误（请求编号 {{id}}）：这是 govcat 的缺陷，请把请求编号和文件交给管理员',
    en: 'internal error (request {{id}}): this is a govcat bug; give the request id and the file to the operator',
  },
  'service.expectedFormat': { zh: '可用 {{values}}', en: 'use {{values}}' },
  'service.expectedOne': { zh: '只能给一个值', en: 'give it once' },
  'service.expectedDate': { zh: '应为 CCYY-MM-DD 格式的日期', en: 'expected a CCYY-MM-DD date' },
  'service.expectedFileName': {
    zh: '应为不含路径和控制字符的文件名（至多 255 个字符）',
    en: 'expected a file name without path or control characters (at most 255 characters)',
  },
  'cli.serve.description': {
    zh: '启动校验服务（HTTP）：POST /v1/validate 上传目录文件，返回 JSON 报告',
    en: 'run the validation service (HTTP): POST a catalog file to /v1/validate, get the JSON report',
  },
  'cli.serve.host': {
    zh: '监听地址（默认 127.0.0.1，只接受本机连接；对外服务请放在反向代理之后）',
    en: 'address to listen on (default 127.0.0.1, local connections only; put a reverse proxy in front to serve others)',
  },
  'cli.serve.port': {
    zh: '端口（默认 8080；0 表示任选空闲端口）',
    en: 'port (default 8080; 0 picks a free port)',
  },
  'cli.serve.maxBody': {
    zh: '上传文件的最大大小，如 50MB（默认 50MB）',
    en: 'largest upload, e.g. 50MB (default 50MB)',
  },
  'cli.serve.concurrency': {
    zh: '同时校验的文件数，即工作线程数（默认为 CPU 核数）',
    en: 'files validated at once, i.e. worker threads (default: the number of cores)',
  },
  'cli.serve.queue': {
    zh: '等待空闲工作线程的最多请求数，超出时返回 503（默认为并发数的 2 倍）',
    en: 'most requests waiting for a free worker; beyond it the answer is 503 (default: twice the concurrency)',
  },
  'cli.serve.requestTimeout': {
    zh: '接收一个请求（含上传）的最长毫秒数（默认 60000）',
    en: 'longest time to receive one request including its upload, in ms (default 60000)',
  },
  'cli.serve.workerMemory': {
    zh: '每个工作线程的内存上限，单位 MiB（默认 1024）',
    en: 'heap cap of each worker thread in MiB (default 1024)',
  },
  'cli.serve.shutdownTimeout': {
    zh: '收到 SIGTERM 后等待进行中请求完成的最长毫秒数（默认 30000）',
    en: 'longest wait for requests in progress after SIGTERM, in ms (default 30000)',
  },
  'cli.serve.config': {
    zh: '配置文件路径（默认从当前目录向上查找 govcat.config.json），对每个请求生效',
    en: 'configuration file applied to every request (default: govcat.config.json found upward from the working directory)',
  },
  'cli.serve.badSize': {
    zh: '“{{value}}”不是有效的大小：请写字节数或带单位的数，如 50MB、512KB',
    en: '"{{value}}" is not a valid size: give bytes or a number with a unit, e.g. 50MB, 512KB',
  },
  'cli.serve.badNumber': {
    zh: '选项 {{option}} 的取值“{{value}}”无效：应为 {{expected}}',
    en: 'option {{option}} has an invalid value "{{value}}": expected {{expected}}',
  },
  'cli.serve.listenFailed': {
    zh: '无法在 {{address}} 上监听：{{reason}}',
    en: 'cannot listen on {{address}}: {{reason}}',
  },
} satisfies MessageTable;
