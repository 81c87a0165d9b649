// Schemas of what a person writes: parsed when it arrives over IPC and again, line by line, when
// an export is imported (exchange.schema.ts builds on these). Strings are bounded so a bad caller
// cannot fill the workspace; the `satisfies` keep them in step with shared/review.ts.
import { z } from 'zod'
import {
  ANNOTATION_KINDS, REVIEW_STATUSES,
  type AnnotationInput, type ReviewFilter, type RubricInput, type RubricItem, type ScoreInput,
} from '@shared/review'
import { CALL_ID_PATTERN } from '../media/callId'

export const callIdSchema = z.string().regex(CALL_ID_PATTERN, 'must be a call id')
export const uuidSchema = z.uuid()
export const seconds = z.number().finite().min(0).max(24 * 3600)
export const TAG_MAX = 50
export const LABEL_MAX = 80
export const TEXT_MAX = 10_000

/** Tags are compared as people read them: trimmed, inner spaces collapsed, lower case. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase()
}

export const tagSchema = z.string().transform(normaliseTag).pipe(z.string().min(1, 'a tag cannot be empty').max(TAG_MAX))
export const labelSchema = z.string().trim().min(1, 'a label cannot be empty').max(LABEL_MAX)
export const statusSchema = z.enum(REVIEW_STATUSES)

export const annotationInputSchema = z
  .object({
    id: uuidSchema.optional(),
    callId: callIdSchema,
    kind: z.enum(ANNOTATION_KINDS),
    turnIndex: z.number().int().min(0).max(100_000).nullable().optional(),
    startS: seconds.nullable().optional(),
    endS: seconds.nullable().optional(),
    text: z.string().max(TEXT_MAX),
    label: labelSchema.nullable().optional(),
  })
  .strict()
  .superRefine((a, ctx) => anchorIssues(a).forEach(([path, message]) => ctx.addIssue({ code: 'custom', path: [path], message }))) satisfies z.ZodType<AnnotationInput>

/** The rules an annotation's shape must keep (the table's CHECKs say the same in SQL). */
export function anchorIssues(a: { kind: string; turnIndex?: number | null; startS?: number | null; endS?: number | null; text: string; label?: string | null }): [string, string][] {
  const issues: [string, string][] = []
  const hasRange = a.startS != null || a.endS != null
  if (hasRange && (a.startS == null || a.endS == null)) issues.push(['endS', 'a time range needs both startS and endS'])
  else if (hasRange && a.endS! < a.startS!) issues.push(['endS', 'endS must not be before startS'])
  if (a.turnIndex == null && !hasRange) issues.push(['turnIndex', 'an annotation needs a turn or a time range'])
  if (a.kind === 'correction' && a.turnIndex == null) issues.push(['turnIndex', 'a correction needs a turn'])
  if (a.kind === 'label' && !a.label) issues.push(['label', 'a label annotation needs a label'])
  if (a.kind !== 'label' && a.text.trim() === '') issues.push(['text', `a ${a.kind} needs text`])
  return issues
}

const itemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _')

export const rubricItemSchema = z
  .object({
    id: itemIdSchema,
    label: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    weight: z.number().finite().gt(0).max(1000),
    kind: z.enum(['passfail', 'scale']),
    scaleMax: z.number().int().min(1).max(100).optional(),
    autoFail: z.boolean(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === 'scale' && item.scaleMax === undefined) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'a scale item needs scaleMax' })
    if (item.kind === 'passfail' && item.scaleMax !== undefined) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'a pass/fail item has no scaleMax' })
  }) satisfies z.ZodType<RubricItem>

export const rubricItemsSchema = z
  .array(rubricItemSchema)
  .min(1, 'a rubric needs at least one item')
  .max(100)
  .superRefine((items, ctx) => {
    const seen = new Set<string>()
    items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `item id "${item.id}" is used twice` })
      seen.add(item.id)
    })
  })

export const rubricInputSchema = z
  .object({ id: uuidSchema.optional(), name: z.string().trim().min(1, 'a rubric needs a name').max(120), items: rubricItemsSchema })
  .strict() satisfies z.ZodType<RubricInput>

export const answersSchema = z.record(itemIdSchema, z.union([z.boolean(), z.number().int().min(0).max(100), z.null()])).refine((a) => Object.keys(a).length <= 100, 'too many answers')

export const scoreInputSchema = z
  .object({ callId: callIdSchema, rubricId: uuidSchema, rubricVersion: z.number().int().min(1), answers: answersSchema })
  .strict() satisfies z.ZodType<ScoreInput>

export const reviewFilterSchema = z
  .object({
    reviewStatuses: z.array(statusSchema).max(REVIEW_STATUSES.length),
    tags: z.array(tagSchema).max(50),
    hasAnnotations: z.boolean(),
    scoreMin: z.number().finite().min(0).max(100),
    scoreMax: z.number().finite().min(0).max(100),
    autoFailed: z.boolean(),
  })
  .partial()
  .strict() satisfies z.ZodType<ReviewFilter>
