// html-to-text ships no types; it is installed as mailparser's own HTML converter.
declare module 'html-to-text' {
  export interface HtmlToTextOptions {
    wordwrap?: number | false | null;
    limits?: { maxInputLength?: number };
    selectors?: { selector: string; format?: string; options?: Record<string, unknown> }[];
  }
  export function convert(html: string, options?: HtmlToTextOptions): string;
}
