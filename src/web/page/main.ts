// The offline page: files in, the core's report out (computed in a Web Worker), drawn as a summary, a findings
// list and the workbook's own sheet with flagged cells. Nothing is sent anywhere: the page's CSP forbids it.
import type { Report } from '../../generated/schema-types.js';
import { PAGE_LIMITS, PAGE_MAX_FILES, PAGE_MAX_TOTAL_BYTES } from '../limits.js';
import type {
  DownloadKind,
  FileSheets,
  FromWorker,
  RunExtras,
  ToWorker,
  WebFile,
  WebLang,
  WebOptions,
} from '../protocol.js';
import { byId, fill, h } from './dom.js';
import { type FindingRef, FindingsView } from './findings.js';
import { columnIndex, type Flag, SheetGrid } from './grid.js';
import { renderSummary } from './summary.js';
import { lang, setLang, t } from './texts.js';

const STORE = 'govcat-web.options';
const EXTENSIONS = /\.(xlsx|xlsm|xls|csv|txt|json|jsonl|ndjson|xml)$/i;
const MB = 1024 * 1024;
const MAX_FILE_BYTES = PAGE_LIMITS.maxBytes ?? 64 * MB;

interface State {
  worker: Worker;
  files: WebFile[];
  report?: Report;
  extras?: RunExtras;
  sheets: FileSheets[];
  runId: number;
  /** Ids of runs and downloads (one counter, so a late answer never matches another request). */
  nextId: number;
  pending: Map<number, (m: FromWorker) => void>;
}

function loadOptions(): WebOptions {
  const fallback: WebOptions = { kind: 'auto', profile: '', today: '', lang: 'zh' };
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Partial<WebOptions>;
    return {
      kind: saved.kind === 'shared' || saved.kind === 'open' ? saved.kind : 'auto',
      profile: typeof saved.profile === 'string' ? saved.profile : '',
      today: typeof saved.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(saved.today) ? saved.today : '',
      lang: saved.lang === 'en' ? 'en' : 'zh',
    };
  } catch {
    return fallback;
  }
}

function saveOptions(options: WebOptions): void {
  try {
    localStorage.setItem(STORE, JSON.stringify(options));
  } catch {
    // Storage may be off (private windows, policies): the options then last for this visit only.
  }
}

function currentOptions(): WebOptions {
  return {
    kind: byId<HTMLSelectElement>('opt-kind').value as WebOptions['kind'],
    profile: byId<HTMLSelectElement>('opt-profile').value,
    today: byId<HTMLInputElement>('opt-today').value,
    lang: lang(),
  };
}

/** Writes the page's own texts (elements marked data-t) in the current language. */
function translatePage(): void {
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]'))
    el.textContent = t(el.dataset.t as Parameters<typeof t>[0], {
      mb: MAX_FILE_BYTES / MB,
      files: PAGE_MAX_FILES,
      total: PAGE_MAX_TOTAL_BYTES / MB,
    });
  byId('lang-toggle').setAttribute('aria-label', t('switchLangLabel'));
  document.title = t('title');
}

function setStatus(state: 'idle' | 'running' | 'done' | 'error'): void {
  document.body.dataset.state = state;
}

function showMessage(text: string): void {
  const el = byId('message');
  el.textContent = text;
  el.hidden = text === '';
}

function progress(done: number, total: number, text: string): void {
  byId('progress').hidden = false;
  const bar = byId<HTMLProgressElement>('progress-bar');
  bar.max = Math.max(total, 1);
  bar.value = done;
  byId('progress-text').textContent = text;
}

/** Refuses what the page cannot hold before anything is read (a clear message, not a frozen tab). */
export function refusal(files: readonly { name: string; size: number }[]): string | undefined {
  if (files.length > PAGE_MAX_FILES) return t('tooMany', { files: PAGE_MAX_FILES, count: files.length });
  for (const f of files) {
    if (!EXTENSIONS.test(f.name)) return t('unsupported', { file: f.name });
    if (f.size > MAX_FILE_BYTES)
      return t('tooLarge', { file: f.name, size: (f.size / MB).toFixed(1), mb: MAX_FILE_BYTES / MB });
  }
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > PAGE_MAX_TOTAL_BYTES)
    return t('tooLargeTotal', { size: (total / MB).toFixed(1), total: PAGE_MAX_TOTAL_BYTES / MB });
  return undefined;
}

function startWorker(onMessage: (m: FromWorker) => void): Worker {
  const source = (globalThis as { GOVCAT_WORKER_SOURCE?: string }).GOVCAT_WORKER_SOURCE ?? '';
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => {
    setStatus('error');
    showMessage(t('failed', { message: e.message }));
  };
  return worker;
}

class Page {
  private readonly state: State;
  private readonly findings: FindingsView;
  private readonly grid: SheetGrid;
  private sheetFile = 0;
  private sheetIndex = 0;

  constructor() {
    this.state = {
      worker: startWorker((m) => this.receive(m)),
      files: [],
      sheets: [],
      runId: 0,
      nextId: 0,
      pending: new Map(),
    };
    this.findings = new FindingsView({ onReveal: (ref) => this.reveal(ref) });
    this.grid = new SheetGrid({ onSelect: (cell, flags) => this.cellDetail(cell, flags) }, t('tabSheet'));
    byId('grid-host').append(this.grid.element);
  }

  private receive(m: FromWorker): void {
    if (m.type === 'ready') {
      const select = byId<HTMLSelectElement>('opt-profile');
      const saved = loadOptions().profile;
      fill(
        select,
        ...m.profiles.map((p) => h('option', { value: p.id }, `${p.title}${t('aside', { text: p.id })}`)),
      );
      select.value = m.profiles.some((p) => p.id === saved) ? saved : m.defaultProfile;
      byId('version').textContent = t('version', { version: m.version });
      byId('version').dataset.version = m.version;
      document.body.dataset.ready = 'true';
      return;
    }
    const waiting = this.state.pending.get(m.id);
    if (waiting) {
      waiting(m);
      return;
    }
    if (m.id !== this.state.runId) return;
    if (m.type === 'progress') {
      const text =
        m.stage === 'sheets'
          ? t('sheetsStage')
          : t('checking', { file: m.file, done: m.done + 1, total: m.total });
      progress(m.stage === 'sheets' ? m.total : m.done, m.total, text);
    } else if (m.type === 'result') {
      this.state.report = m.report;
      this.state.extras = m.extras;
      this.showResult();
    } else if (m.type === 'sheets') {
      this.state.sheets = m.files;
      byId('progress').hidden = true;
      this.showSheets();
      document.body.dataset.sheets = 'ready';
    } else if (m.type === 'error') {
      setStatus('error');
      byId('progress').hidden = true;
      showMessage(t('failed', { message: m.message }));
    }
  }

  /** Reads the chosen files (after checking the limits) and runs them. */
  async open(list: FileList | File[]): Promise<void> {
    const files = [...list];
    if (files.length === 0) return;
    delete document.body.dataset.sheets;
    const refused = refusal(files);
    if (refused) {
      setStatus('error');
      showMessage(refused);
      return;
    }
    showMessage('');
    setStatus('running');
    const read: WebFile[] = [];
    for (const [i, f] of files.entries()) {
      progress(i, files.length, t('reading', { file: f.name }));
      read.push({ name: f.name, bytes: await f.arrayBuffer() });
    }
    this.state.files = read;
    this.run();
  }

  /** Runs the files held with the current options (again after an option or the language changed). */
  run(): void {
    if (this.state.files.length === 0) return;
    const options = currentOptions();
    saveOptions(options);
    const id = ++this.state.nextId;
    this.state.runId = id;
    setStatus('running');
    delete document.body.dataset.sheets;
    progress(0, this.state.files.length, t('starting'));
    // Copies go to the worker, so a later run (another language, another profile) still has the bytes.
    const files = this.state.files.map((f) => ({ name: f.name, bytes: f.bytes.slice(0) }));
    const message: ToWorker = { type: 'run', id, files, options };
    this.state.worker.postMessage(
      message,
      files.map((f) => f.bytes),
    );
  }

  private showResult(): void {
    const report = this.state.report!;
    renderSummary(byId('summary'), report, this.state.extras!);
    this.findings.show(report);
    this.showDownloads();
    byId('results').hidden = false;
    setStatus('done');
    byId('progress-text').textContent = t('sheetsStage');
  }

  private flagsOf(file: number, sheetName: string, first: boolean): Flag[] {
    const report = this.state.report;
    const out: Flag[] = [];
    report?.files[file]?.findings.forEach((finding, index) => {
      const loc = finding.location;
      if (!loc || loc.row === undefined) return;
      // A finding without a sheet (a CSV) belongs to the file's only grid.
      if ((loc.sheet ?? '') !== sheetName && !(loc.sheet === undefined && first)) return;
      const col = loc.column
        ? columnIndex(loc.column)
        : loc.cell
          ? columnIndex(loc.cell.replace(/\d+$/, ''))
          : -1;
      out.push({ row: loc.row - 1, col, finding, index });
    });
    return out;
  }

  private showSheets(): void {
    const fileSelect = byId<HTMLSelectElement>('sheet-file');
    const report = this.state.report!;
    fill(fileSelect, ...report.files.map((f, i) => h('option', { value: i }, f.path)));
    byId('sheet-file-label').hidden = report.files.length < 2;
    // Open the sheet with the most findings.
    this.sheetFile = 0;
    this.sheetIndex = this.busiestSheet(0);
    this.drawSheet();
  }

  private busiestSheet(file: number): number {
    const sheets = this.state.sheets[file]?.sheets ?? [];
    let best = 0;
    let most = -1;
    sheets.forEach((s, i) => {
      const n = this.flagsOf(file, s.name, i === 0).length;
      if (n > most) {
        most = n;
        best = i;
      }
    });
    return best;
  }

  chooseSheetFile(file: number): void {
    this.sheetFile = file;
    this.sheetIndex = this.busiestSheet(file);
    this.drawSheet();
  }

  drawSheet(): void {
    const sheets = this.state.sheets[this.sheetFile]?.sheets ?? [];
    byId<HTMLSelectElement>('sheet-file').value = String(this.sheetFile);
    const tabs = byId('sheet-tabs');
    fill(
      tabs,
      ...sheets.map((s, i) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            'aria-selected': i === this.sheetIndex ? 'true' : 'false',
            onclick: () => {
              this.sheetIndex = i;
              this.drawSheet();
            },
          },
          s.name || this.state.report!.files[this.sheetFile]!.path,
        ),
      ),
    );
    const sheet = sheets[this.sheetIndex];
    byId('sheet-none').hidden = sheet !== undefined;
    this.grid.element.hidden = sheet === undefined;
    const omitted = byId('sheet-omitted');
    omitted.hidden = !sheet || sheet.omitted === 0;
    if (sheet && sheet.omitted > 0)
      omitted.textContent = t('omitted', { shown: sheet.rows.length, count: sheet.omitted });
    if (sheet) this.grid.show(sheet, this.flagsOf(this.sheetFile, sheet.name, this.sheetIndex === 0));
    fill(byId('cell-detail'));
  }

  /** From a finding to its cell: the sheet view opens on its sheet and the grid scrolls to it. */
  reveal(ref: FindingRef): void {
    const loc = ref.finding.location;
    if (!loc || loc.row === undefined) return;
    const sheets = this.state.sheets[ref.file]?.sheets ?? [];
    const index = loc.sheet === undefined ? 0 : sheets.findIndex((s) => s.name === loc.sheet);
    if (index < 0) return;
    this.sheetFile = ref.file;
    this.sheetIndex = index;
    this.selectTab('sheet');
    this.drawSheet();
    const col = loc.column ? columnIndex(loc.column) : 0;
    this.grid.reveal(loc.row - 1, col);
  }

  /** The findings of the active cell, each linking back to the list. */
  private cellDetail(cell: string, flags: Flag[]): void {
    const el = byId('cell-detail');
    if (flags.length === 0) {
      fill(el, h('p', {}, t('cellNone', { cell })));
      return;
    }
    fill(
      el,
      h('h3', {}, cell),
      h(
        'ul',
        {},
        ...flags.map((f) =>
          h(
            'li',
            { class: `sev-${f.finding.severity}` },
            h('span', { class: `badge sev-${f.finding.severity}` }, t(f.finding.severity)),
            ' ',
            f.finding.message,
            ' ',
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  this.selectTab('findings');
                  this.findings.focus(this.sheetFile, f.index);
                },
              },
              t('toFinding'),
            ),
          ),
        ),
      ),
    );
  }

  selectTab(name: string): void {
    for (const tab of document.querySelectorAll<HTMLElement>('[role="tab"][data-panel]')) {
      const on = tab.dataset.panel === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      byId(`panel-${tab.dataset.panel}`).hidden = !on;
    }
    if (name === 'sheet') this.grid.render();
  }

  private showDownloads(): void {
    const report = this.state.report!;
    const select = byId<HTMLSelectElement>('dl-file');
    fill(
      select,
      ...report.files.map((f, i) => h('option', { value: i, disabled: f.error !== undefined }, f.path)),
    );
    byId('dl-file-label').hidden = report.files.length < 2;
    this.updateDownloads();
  }

  updateDownloads(): void {
    const report = this.state.report;
    const file = report?.files[Number(byId<HTMLSelectElement>('dl-file').value)];
    const workbook = file !== undefined && !file.error && ['xlsx', 'xls', 'csv'].includes(file.format ?? '');
    byId<HTMLButtonElement>('dl-annotated').disabled = !workbook;
    byId('dl-annotated-note').hidden = workbook;
    byId<HTMLButtonElement>('dl-compiled').disabled = file === undefined || file.error !== undefined;
  }

  /** Asks the worker for a file and hands it to the browser as a download. */
  download(kind: DownloadKind): Promise<void> {
    const id = ++this.state.nextId;
    const file = Number(byId<HTMLSelectElement>('dl-file').value) || 0;
    return new Promise((resolve) => {
      this.state.pending.set(id, (m) => {
        this.state.pending.delete(id);
        if (m.type === 'file') {
          const url = URL.createObjectURL(new Blob([m.bytes], { type: m.mime }));
          const a = h('a', { href: url, download: m.name, hidden: true });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } else if (m.type === 'error') showMessage(t('failed', { message: m.message }));
        resolve();
      });
      const message: ToWorker = { type: 'download', id, kind, file };
      this.state.worker.postMessage(message);
    });
  }
}

function wire(page: Page): void {
  const input = byId<HTMLInputElement>('file-input');
  input.addEventListener('change', () => {
    if (input.files) void page.open(input.files);
    input.value = '';
  });
  const zone = byId('drop-zone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files) void page.open(e.dataTransfer.files);
  });
  for (const id of ['opt-kind', 'opt-profile', 'opt-today'])
    byId(id).addEventListener('change', () => {
      saveOptions(currentOptions());
      page.run();
    });
  byId('lang-toggle').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    translatePage();
    saveOptions(currentOptions());
    page.run();
  });
  const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"][data-panel]')];
  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener('click', () => page.selectTab(tab.dataset.panel!));
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length]!;
      page.selectTab(next.dataset.panel!);
      next.focus();
    });
  }
  byId('sheet-file').addEventListener('change', (e) =>
    page.chooseSheetFile(Number((e.target as HTMLSelectElement).value)),
  );
  byId('dl-file').addEventListener('change', () => page.updateDownloads());
  for (const kind of ['annotated', 'json', 'html', 'compiled'] as const)
    byId(`dl-${kind}`).addEventListener('click', () => void page.download(kind));
}

function start(): void {
  const options = loadOptions();
  setLang(options.lang as WebLang);
  byId<HTMLSelectElement>('opt-kind').value = options.kind;
  byId<HTMLInputElement>('opt-today').value = options.today;
  translatePage();
  setStatus('idle');
  const page = new Page();
  wire(page);
  page.selectTab('summary');
}

start();
