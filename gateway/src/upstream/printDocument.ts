import { type DocumentNode, print } from 'graphql';

// Documents built once and reused (query plans) carry their printed text; stitching builds new ones per call.
const printed = new WeakMap<DocumentNode, string>();

/** Records the text of a long-lived document, so sending it never prints it again. */
export function rememberPrinted(document: DocumentNode, text: string): void {
  printed.set(document, text);
}

/** The document's text: remembered, or printed now. */
export function printDocument(document: DocumentNode): string {
  return printed.get(document) ?? print(document);
}
