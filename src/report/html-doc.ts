/**
 * A rule's doc page (Markdown, the project's own README.md files) as HTML, for the page to include:
 * headings, paragraphs, `-`/`1.` lists, `>` quotes, inline code, bold, http(s) links. Everything
 * is escaped first; nothing else of Markdown is understood (it shows as text).
 */
import { escapeHtml } from './html-escape';

export function docHtml(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block !== '')
    .map(blockHtml)
    .join('\n');
}

function blockHtml(block: string): string {
  const heading = /^(#{1,6})\s+(.*)$/.exec(block);
  if (heading && !block.includes('\n')) {
    const level = Math.min(6, (heading[1] as string).length + 3);
    return `<h${level}>${inline(heading[2] as string)}</h${level}>`;
  }
  const lines = block.split('\n');
  if (lines.every((line) => line.startsWith('>'))) {
    const text = lines.map((line) => line.replace(/^>\s?/, '')).join(' ');
    return `<blockquote>${inline(text)}</blockquote>`;
  }
  const item = /^\s*(?:[-*]|\d+\.)\s+/;
  if (item.test(lines[0] as string)) {
    const tag = /^\s*\d+\./.test(lines[0] as string) ? 'ol' : 'ul';
    const items: string[] = [];
    for (const line of lines) {
      if (item.test(line)) items.push(line.replace(item, ''));
      else items[items.length - 1] += ` ${line.trim()}`;
    }
    return `<${tag}>${items.map((text) => `<li>${inline(text)}</li>`).join('')}</${tag}>`;
  }
  return `<p>${inline(lines.join(' '))}</p>`;
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s()]+)\)/g, '<a href="$2">$1</a>');
}
