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
  'service.diffMultipart': {
    zh: 'POST /v1/diff 需要 multipart/form-data 请求（收到“{{type}}”）：用文件字段 old 上传旧版本、new 上传新版本',
    en: 'POST /v1/diff takes a multipart/form-data request (got "{{type}}"): send the earlier version as the file field old and the later one as new',
  },
  'service.diffFields': {
    zh: 'POST /v1/diff 只接受文件字段 old（旧版本）和 new（新版本），各一个：文件字段“{{field}}”多余或重复',
    en: 'POST /v1/diff takes the file fields old (earlier version) and new (later version), once each: the file field "{{field}}" is unknown or repeated',
  },
  'service.diffTooManyFiles': {
    zh: 'POST /v1/diff 只接受两个文件：字段 old（旧版本）和 new（新版本）',
    en: 'POST /v1/diff takes two files: the fields old (earlier version) and new (later version)',
  },
  'service.missingFile': {
    zh: '缺少文件字段 {{field}}：POST /v1/diff 需要 old（旧版本）和 new（新版本）两个文件',
    en: 'the file field {{field}} is missing: POST /v1/diff needs two files, old (earlier version) and new (later version)',
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
    zh: '没有这个接口：{{method}} {{path}}；可用 {{endpoints}}',
    en: 'no such endpoint: {{method}} {{path}}; use {{endpoints}}',
  },
  'service.methodNotAllowed': {
    zh: '{{path}} 不接受 {{method}} 请求：请用 {{allowed}}',
    en: '{{path}} does not take {{method}}: use {{allowed}}',
  },
  'service.badUrl': {
    zh: '请求地址的百分号编码无效（如 %ZZ）：请按 UTF-8 正确编码路径',
    en: 'the request path is not valid percent-encoding (e.g. %ZZ): encode it as UTF-8',
  },
  'service.malformedRequest': {
    zh: '无法解析的 HTTP 请求（{{reason}}）：请检查 Content-Length 等请求头',
    en: 'malformed HTTP request ({{reason}}): check Content-Length and the other headers',
  },
  'service.headersTooLarge': {
    zh: '请求头过大：请减少请求头',
    en: 'the request headers are too large: send fewer or shorter headers',
  },
  'service.requestTimeout': {
    zh: '未能在 --request-timeout 规定的时间内收到完整请求，连接已关闭：请重新上传',
    en: 'the request did not arrive within --request-timeout and the connection was closed: upload again',
  },
  'service.uploadTooSlow': {
    zh: '上传太慢：{{seconds}} 秒只收到 {{received}} 字节，低于最低速率 {{rate}} 字节/秒（--min-upload-rate），连接已关闭：请在更快的网络上重新上传',
    en: 'the upload is too slow: {{received}} bytes in {{seconds}} s, below the minimum rate of {{rate}} bytes/s (--min-upload-rate); the connection was closed: upload again over a faster link',
  },
  'service.hostNotAllowed': {
    zh: '不接受主机名“{{host}}”（Host 请求头）：请用 localhost 或 127.0.0.1 访问，或以 --allowed-host 加入这个名字',
    en: 'host name "{{host}}" (Host header) is not accepted: use localhost or 127.0.0.1, or add the name with --allowed-host',
  },
  'service.originNotAllowed': {
    zh: '拒绝来自其他网站“{{origin}}”的浏览器请求：只有以 --allow-origin 列出的网站可以提交',
    en: 'browser request from another site "{{origin}}" refused: only sites listed with --allow-origin may submit',
  },
  'service.tokenMissing': {
    zh: '需要令牌：请加请求头 Authorization: Bearer <令牌>（服务以 --token 或 GOVCAT_TOKEN 启动）',
    en: 'a token is required: send Authorization: Bearer <token> (the service runs with --token or GOVCAT_TOKEN)',
  },
  'service.tokenWrong': {
    zh: '令牌无效：请检查 Authorization: Bearer <令牌> 中的令牌',
    en: 'wrong token: check the token in Authorization: Bearer <token>',
  },
  'service.emptyToken': {
    zh: '令牌不能为空：请给 --token 或 GOVCAT_TOKEN 一个不含空白的长随机串',
    en: 'the token cannot be empty: give --token or GOVCAT_TOKEN a long random string without spaces',
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
  'cli.serve.maxUploads': {
    zh: '同时接收的上传数，超出时返回 503（默认为 4 ×（并发数 + 队列））',
    en: 'uploads received at once; beyond it the answer is 503 (default 4 × (concurrency + queue))',
  },
  'cli.serve.minUploadRate': {
    zh: '上传的最低速率（每秒），如 16KB；宽限期之后更慢的上传返回 408 并断开（默认 16KB）',
    en: 'slowest accepted upload per second, e.g. 16KB; slower uploads get 408 after the grace period (default 16KB)',
  },
  'cli.serve.uploadGrace': {
    zh: '开始检查上传速率之前的毫秒数（默认 5000）',
    en: 'time before the upload rate is checked, in ms (default 5000)',
  },
  'cli.serve.token': {
    zh: '要求每个请求（/healthz 除外）带 Authorization: Bearer <令牌>；也可用环境变量 GOVCAT_TOKEN（更安全：不出现在进程列表中）',
    en: 'require Authorization: Bearer <token> on every request but /healthz; or the GOVCAT_TOKEN environment variable (safer: not shown in process lists)',
  },
  'cli.serve.allowedHost': {
    zh: '另外接受的主机名（Host 请求头），可重复；默认只接受 localhost、127.0.0.1、[::1] 和 --host；* 表示不检查',
    en: 'another accepted host name (Host header), repeatable; by default only localhost, 127.0.0.1, [::1] and --host; * accepts any',
  },
  'cli.serve.allowOrigin': {
    zh: '允许其网页提交请求的网站（如 https://portal.example），可重复；默认拒绝其他网站的浏览器请求',
    en: 'a site whose pages may submit requests (e.g. https://portal.example), repeatable; by default browser requests from other sites are refused',
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
