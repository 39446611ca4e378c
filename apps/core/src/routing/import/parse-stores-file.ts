import {
  findNodeAtLocation,
  getNodePath,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type JSONPath,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { z } from 'zod';
import {
  ManagerSchema,
  RegionSchema,
  StoreSchema,
  StoresFileSchema,
  type StoresFile,
} from './stores-file.schema';

/** One thing wrong with a stores file, where it is. `path` is empty for the whole document. */
export interface FileProblem {
  line: number;
  path: string;
  message: string;
}

export type ParseStoresFileResult =
  { ok: true; file: StoresFile } | { ok: false; problems: FileProblem[] };

export interface ParseStoresFileOptions {
  /**
   * Regions already active in the database: a store may name one of them without the file
   * listing it. Without this, a store's region must be in the file.
   */
  activeRegionCodes?: ReadonlySet<string>;
}

/** `line 143: stores[12].regionCode: unknown region "KAR"` */
export function formatProblem(problem: FileProblem): string {
  return `line ${problem.line}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

/**
 * Reads a stores file and reports every problem with its line, or returns the normalized
 * content. All or nothing: a file with any problem is not usable at all.
 */
export function parseStoresFile(
  text: string,
  options: ParseStoresFileOptions = {},
): ParseStoresFileResult {
  // A BOM is one character on the first line: offsets stay on the right lines without it.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = new LineIndex(source);
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(source, syntaxErrors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (syntaxErrors.length > 0 || root === undefined) {
    const problems = syntaxErrors.map((e) => ({
      line: lines.lineOf(e.offset),
      path: '',
      message: `JSON syntax error: ${SYNTAX_MESSAGES[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}`,
    }));
    return {
      ok: false,
      problems:
        problems.length > 0 ? problems : [{ line: 1, path: '', message: 'the file is empty' }],
    };
  }

  const locator = new Locator(root, lines);
  const value = getNodeValue(root) as unknown;
  const parsed = StoresFileSchema.safeParse(value);
  // Cross-checks run even when some fields are invalid, so one run lists every problem.
  const problems = [
    ...duplicateFields(root, lines),
    ...(parsed.success ? [] : parsed.error.issues.flatMap((i) => schemaProblems(i, root, locator))),
    ...crossCheck(value, options, (path) => locator.line(path)),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems: sortByLine(problems) };
  return { ok: true, file: parsed.data };
}

/** JSON lets a key appear twice in one object and keeps the last: in a hand-edited file, a slip. */
function duplicateFields(root: Node, lines: LineIndex): FileProblem[] {
  const problems: FileProblem[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value as unknown;
        if (typeof key !== 'string') continue;
        if (seen.has(key)) {
          const path = property.children?.[1] ? getNodePath(property.children[1]) : [];
          problems.push({
            line: lines.lineOf(property.offset),
            path: formatPath(path),
            message: 'is given twice in the same object',
          });
        }
        seen.add(key);
      }
    }
    node.children?.forEach(visit);
  };
  visit(root);
  return problems;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," (or a missing closing bracket)',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected content after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

function schemaProblems(issue: z.core.$ZodIssue, root: Node, locator: Locator): FileProblem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      line: locator.line([...path, key]),
      path: formatPath([...path, key]),
      message: 'is not a known field',
    }));
  }
  const present = findNodeAtLocation(root, path) !== undefined;
  const message =
    issue.code === 'invalid_type' && !present ? 'is required' : readableMessage(issue);
  return [{ line: locator.line(path), path: formatPath(path), message }];
}

/** zod's default wording, without repeating input values (they may be personal data). */
function readableMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  return issue.message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The valid value of one field of each element of a top-level array, by index. */
function fieldOf<T>(
  value: unknown,
  list: 'regions' | 'stores',
  key: string,
  schema: z.ZodType<T>,
): (T | undefined)[] {
  const items = isRecord(value) && Array.isArray(value[list]) ? (value[list] as unknown[]) : [];
  return items.map((item) => {
    if (!isRecord(item)) return undefined;
    const field = schema.safeParse(item[key]);
    return field.success ? field.data : undefined;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What the schema cannot see alone: uniqueness, references, one person per e-mail. Works field
 * by field on the raw document: a field the schema refused is left out here (it is already
 * reported) without hiding the problems of its neighbours.
 */
function crossCheck(
  value: unknown,
  options: ParseStoresFileOptions,
  locate: (path: JSONPath) => number,
): FileProblem[] {
  const problems: FileProblem[] = [];
  const problem = (path: JSONPath, message: string) =>
    problems.push({ line: locate(path), path: formatPath(path), message });

  const regionCodes = fieldOf(value, 'regions', 'code', RegionSchema.shape.code);
  const regionLines = new Map<string, number>();
  regionCodes.forEach((code, i) => {
    if (code === undefined) return;
    const first = regionLines.get(code);
    if (first !== undefined)
      problem(['regions', i, 'code'], `duplicate region code "${code}" (first at line ${first})`);
    else regionLines.set(code, locate(['regions', i, 'code']));
  });

  const storeLines = new Map<string, number>();
  fieldOf(value, 'stores', 'code', StoreSchema.shape.code).forEach((code, i) => {
    if (code === undefined) return;
    const first = storeLines.get(code);
    if (first !== undefined)
      problem(['stores', i, 'code'], `duplicate store code "${code}" (first at line ${first})`);
    else storeLines.set(code, locate(['stores', i, 'code']));
  });

  // A region whose code is refused ("mar ") is already reported: do not report its stores too.
  const roughRegionCodes = new Set(
    fieldOf(value, 'regions', 'code', z.string()).map((code) => code?.trim().toUpperCase()),
  );
  fieldOf(value, 'stores', 'regionCode', StoreSchema.shape.regionCode).forEach((code, i) => {
    if (code === undefined || regionLines.has(code) || roughRegionCodes.has(code)) return;
    if (!options.activeRegionCodes?.has(code))
      problem(['stores', i, 'regionCode'], `unknown region "${code}"`);
  });

  const managers = new Map<string, { name: string; phone?: string; line: number }>();
  fieldOf(value, 'regions', 'manager', ManagerSchema).forEach((manager, i) => {
    if (manager === undefined) return;
    const first = managers.get(manager.email);
    if (!first) {
      const line = locate(['regions', i, 'manager', 'email']);
      managers.set(manager.email, { name: manager.name, phone: manager.phone, line });
      return;
    }
    if (first.name !== manager.name)
      problem(
        ['regions', i, 'manager', 'name'],
        `the same manager e-mail is given with a different name at line ${first.line}`,
      );
    if (first.phone !== manager.phone)
      problem(
        ['regions', i, 'manager', 'phone'],
        `the same manager e-mail is given with a different phone at line ${first.line}`,
      );
  });

  // One address, one destination: otherwise a message sent to it could not be routed.
  const contacts = new Map<string, number>();
  for (const list of ['regions', 'stores'] as const) {
    fieldOf(value, list, 'contacts', RegionSchema.shape.contacts).forEach((values, i) =>
      values?.forEach((contact, j) => {
        const path = [list, i, 'contacts', j];
        const first = contacts.get(contact);
        if (first !== undefined)
          problem(path, `the same contact is already given at line ${first}`);
        else contacts.set(contact, locate(path));
      }),
    );
  }

  return problems;
}

function sortByLine(problems: FileProblem[]): FileProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}

/** `["stores", 12, "regionCode"]` -> `stores[12].regionCode` */
function formatPath(path: JSONPath): string {
  return path.reduce<string>(
    (out, segment) =>
      typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment,
    '',
  );
}

/** Finds the line of a path, or of its nearest existing parent when it is missing. */
class Locator {
  constructor(
    private readonly root: Node,
    private readonly lines: LineIndex,
  ) {}

  line(path: JSONPath): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(this.root, path.slice(0, depth));
      if (node) return this.lines.lineOf(nodeStart(node));
    }
    return 1;
  }
}

/** A property's value starts on its key's line in any sane layout; the key is what people look for. */
function nodeStart(node: Node): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

/** Offset -> 1-based line number. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}
