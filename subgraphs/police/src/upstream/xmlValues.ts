// zod readers of XML values: the kit's SOAP parser keeps every value as a string.
import { z } from 'zod';

/** Maps a code through a code list; unknown codes → `fallback`, or invalid when there is none. */
export const fromCode = (list: Record<string, string>, fallback?: string) =>
  z
    .string()
    .refine((code) => code in list || fallback !== undefined)
    .transform((code) => list[code] ?? fallback!);

export const text = z.string();
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : value));
export const int = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number);
export const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(Number);
export const optionalInt = z
  .union([int, z.literal('')])
  .optional()
  .transform((value) => (typeof value === 'number' ? value : null));
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The system sends Vietnam local time without an offset; the schema's DateTime carries it. */
export const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
  .transform((value) => `${value}+07:00`);
export const list = <T extends z.ZodType>(item: string, schema: T) =>
  z
    .preprocess(
      (value) => (value === undefined || value === '' ? {} : value),
      z.object({ [item]: z.array(schema).default([]) }),
    )
    .transform((wrapper) => wrapper[item] as z.output<T>[]);
