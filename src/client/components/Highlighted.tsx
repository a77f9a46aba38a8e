import type { Highlight } from '../../shared/catalog-api.js';
import { Mark } from '../ui/index.js';

/** Renders highlighted text parts; matched words in <mark>. Plain text only, no HTML. */
export function Highlighted({ parts }: { parts: Highlight }) {
  return (
    <>
      {parts.map((part, index) => (part.mark ? <Mark key={index}>{part.text}</Mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
