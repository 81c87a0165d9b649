// The review exchange format (JSONL): a header line, then one record per line, each with a "type".
// Records carry their stable ids and timestamps so exports of two installs merge (merge.ts), and
// tombstones so deletions travel too. Every line is parsed with these strict schemas on import: a
// hand-edited value or an unknown field is refused with its line and field, never guessed at.
// A change here is a new format version: bump EXCHANGE_VERSION and keep reading the older one.
import { z } from 'zod'
import { ANNOTATION_KINDS } from '@shared/review'
import { anchorIssues, answersSchema, callIdSchema, labelSchema, rubricItemsSchema, seconds, statusSchema, tagSchema, TEXT_MAX, uuidSchema } from './review.schema'

export const EXCHANGE_FORMAT = 'earmark-review'
export const EXCHANGE_VERSION = 1
export const RECORD_TYPES = ['header', 'rubric', 'annotation', 'tag', 'score', 'status'] as const

const ms = z.number().int().min(0).max(8.64e15)
const author = z.string().max(100)

export const headerLine = z
  .object({ type: z.literal('header'), format: z.literal(EXCHANGE_FORMAT), version: z.number().int().min(1), exportedAt: z.string().max(40) })
  .strict()

export const annotationLine = z
  .object({
    type: z.literal('annotation'),
    id: uuidSchema,
    callId: callIdSchema,
    kind: z.enum(ANNOTATION_KINDS),
    turnIndex: z.number().int().min(0).max(100_000).nullable(),
    startS: seconds.nullable(),
    endS: seconds.nullable(),
    text: z.string().max(TEXT_MAX),
    label: labelSchema.nullable(),
    turnHash: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits').nullable(),
    author,
    createdMs: ms,
    updatedMs: ms,
    deleted: z.boolean(),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const [path, message] of anchorIssues(a)) ctx.addIssue({ code: 'custom', path: [path], message })
    if (a.label !== null && a.kind !== 'label') ctx.addIssue({ code: 'custom', path: ['label'], message: `a ${a.kind} has no label` })
    if (a.turnIndex === null && a.turnHash !== null) ctx.addIssue({ code: 'custom', path: ['turnHash'], message: 'only an annotation on a turn has a turnHash' })
    if (a.updatedMs < a.createdMs) ctx.addIssue({ code: 'custom', path: ['updatedMs'], message: 'must not be before createdMs' })
  })

export const tagLine = z.object({ type: z.literal('tag'), callId: callIdSchema, tag: tagSchema, updatedMs: ms, deleted: z.boolean() }).strict()

export const rubricLine = z
  .object({ type: z.literal('rubric'), id: uuidSchema, version: z.number().int().min(1), name: z.string().trim().min(1).max(120), items: rubricItemsSchema, author, createdMs: ms })
  .strict()

const total = z.number().finite().min(0).max(100).nullable()

export const scoreLine = z
  .object({
    type: z.literal('score'),
    id: uuidSchema,
    callId: callIdSchema,
    rubricId: uuidSchema,
    rubricVersion: z.number().int().min(1),
    answers: answersSchema,
    total,
    rawTotal: total,
    autoFailed: z.boolean(),
    complete: z.boolean(),
    author,
    createdMs: ms,
    updatedMs: ms,
  })
  .strict()

export const statusLine = z.object({ type: z.literal('status'), callId: callIdSchema, status: statusSchema, author, updatedMs: ms }).strict()

export const recordSchemas = {
  header: headerLine,
  rubric: rubricLine,
  annotation: annotationLine,
  tag: tagLine,
  score: scoreLine,
  status: statusLine,
} as const

export type RecordType = keyof typeof recordSchemas
export type ExchangeRecord = { [T in RecordType]: z.output<(typeof recordSchemas)[T]> }[RecordType]
