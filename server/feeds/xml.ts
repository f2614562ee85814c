/*
 * The little XML the feeds and sitemaps need, written as strings: a DOM or an XML library would
 * be a dependency and an allocation per node for documents that are flat lists.
 */
import { feedText } from './text.ts';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const REFS: Record<string, string> = {
  '&': '&#x26;',
  '<': '&#x3C;',
  '>': '&#x3E;',
  '"': '&#x22;',
  "'": '&#x27;',
};

/**
 * Text or an attribute value as XML. Hexadecimal references rather than `&amp;` and `&lt;`: in
 * plain-text RSS elements they are the form the most aggregators read back as the character
 * (RSS Advisory Board, Best Practices Profile, "Character Data"). `>` is always escaped, so a
 * `]]>` in the text can never end anything; no CDATA sections are written at all.
 */
export function escapeXml(text: string): string {
  return feedText(text).replace(/[&<>"']/g, (c) => REFS[c] ?? c);
}

export type XmlAttrs = Record<string, string | number | undefined>;

/** An attribute value: also tab and line feed as references, which a parser would otherwise turn into spaces. */
export function escapeAttribute(value: string): string {
  return escapeXml(value).replace(/[\t\n]/g, (c) => (c === '\t' ? '&#x9;' : '&#xA;'));
}

function attributes(attrs: XmlAttrs | undefined): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

/** `<name attrs>text</name>`, or nothing when there is no text: optional elements stay out. */
export function textElement(name: string, text: string | undefined, attrs?: XmlAttrs): string {
  return text === undefined ? '' : `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

/** `<name attrs/>` */
export function emptyElement(name: string, attrs: XmlAttrs): string {
  return `<${name}${attributes(attrs)}/>`;
}

/**
 * `<name attrs>children</name>`, the children already XML, one a line (white space between
 * elements means nothing in these formats, and a person reading the document can find an
 * item); empty children are dropped.
 */
export function element(name: string, children: string[], attrs?: XmlAttrs): string {
  return `<${name}${attributes(attrs)}>\n${children.filter(Boolean).join('\n')}\n</${name}>`;
}
