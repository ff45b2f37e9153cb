/**
 * Size of an item as DynamoDB bills it: attribute names plus values (strings in UTF-8 bytes,
 * numbers about one byte per two digits plus one, booleans and null one byte, lists and maps
 * three bytes plus one per element). Writes are billed per started 1 KB.
 */
export function dynamoItemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((total, [name, value]) => total + Buffer.byteLength(name) + valueSize(value), 0);
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((total: number, element) => total + 1 + valueSize(element), 0);
  if (typeof value === 'object') return 3 + dynamoItemSize(value as Record<string, unknown>) + Object.keys(value).length;
  return 0;
}

export const writeUnits = (item: Record<string, unknown>) => Math.ceil(dynamoItemSize(item) / 1024);
