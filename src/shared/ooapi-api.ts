/**
 * The results of the joint exam as OOAPI v5 associations (issue 14), shaped as the NED-OOAPI profile for mbo exam
 * data (Programma OKE) delivers results to the student information systems (Eduarte, Osiris): one association per
 * assessment form (attempt), the keuzedeel as the offering with its code, the result with `pass`, the score, the
 * result date, and the profile's consumer part (`consumerKey` "nl-test-admin") with `final` (vastgesteld by the
 * examencommissie), raw score and maximum, the attempt, the assessors and the assessment form as a document of type
 * `assessmentForm`. Read-only, for the exam's mbo staff (session auth like the rest of the API).
 *
 * GET /ooapi/v5/associations/:associationId            → OoapiAssociation
 * GET /ooapi/v5/offerings/:examenId/associations       → OoapiAssociationPage
 */
import { z } from 'zod';

export const AssociationParams = z.object({ associationId: z.uuid('onbekende association') });
export const OfferingParams = z.object({ examenId: z.uuid('onbekend examen') });

export const OoapiDocument = z.object({
  documentId: z.string(),
  documentType: z.enum(['assessmentForm', 'assessmentFormWithAnswers', 'assessmentModel', 'other']),
  documentName: z.string(),
  /** Where the document is fetched (the accessible PDF of the form). */
  url: z.string(),
});

export const OoapiResultConsumer = z.object({
  consumerKey: z.literal('nl-test-admin'),
  attendance: z.enum(['notKnown', 'notPresent', 'notStarted', 'notFinished', 'present']),
  /** The result has been finalised (vastgesteld) by the examencommissie. */
  final: z.boolean(),
  rawScore: z.number().nullable(),
  maxRawScore: z.number(),
  attempt: z.number().int(),
  testDate: z.string().nullable(),
  assessors: z.array(z.object({ assessorId: z.string(), role: z.enum(['first', 'second']), name: z.string() })),
  /** The vmbo keuzevak grade that the same exam gives (one decimal), for the vo side of a doorlopende leerroute. */
  keuzevakGrade: z.string().nullable(),
  documents: z.array(OoapiDocument),
});

export const OoapiResult = z.object({
  state: z.enum(['in progress', 'postponed', 'completed']),
  pass: z.enum(['unknown', 'passed', 'failed']),
  /** Convenience mirror of `consumers[0].final`. */
  final: z.boolean(),
  comment: z.string().optional(),
  /** The keuzedeel result as the profile's value: "passed"/"failed" for pass-or-fail, else the grade "7.5". */
  score: z.string().nullable(),
  resultValueType: z.enum(['pass-or-fail', '0.0-10.0']),
  resultDate: z.string().nullable(),
  consumers: z.array(OoapiResultConsumer),
});

export const OoapiAssociation = z.object({
  associationId: z.uuid(),
  associationType: z.literal('componentOfferingAssociation'),
  role: z.literal('student'),
  state: z.enum(['associated', 'queued', 'pending', 'canceled', 'denied']),
  remoteState: z.enum(['pending', 'associated']).optional(),
  person: z.object({
    personId: z.uuid(),
    primaryCode: z.object({ codeType: z.literal('studentNumber'), code: z.string() }),
    givenName: z.string(),
    surnamePrefix: z.string(),
    surname: z.string(),
    displayName: z.string(),
  }),
  offering: z.object({
    offeringId: z.uuid(),
    offeringType: z.literal('component'),
    primaryCode: z.object({ codeType: z.literal('keuzedeelcode'), code: z.string() }),
    name: z.array(z.object({ language: z.string(), value: z.string() })),
    resultExpected: z.literal(true),
  }),
  result: OoapiResult,
});
export type OoapiAssociation = z.infer<typeof OoapiAssociation>;

export const OoapiAssociationPage = z.object({
  pageSize: z.number().int(),
  pageNumber: z.number().int(),
  hasPreviousPage: z.boolean(),
  hasNextPage: z.boolean(),
  totalPages: z.number().int(),
  items: z.array(OoapiAssociation),
});
export type OoapiAssociationPage = z.infer<typeof OoapiAssociationPage>;

export const OfferingAssociationsQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(250).default(250),
  pageNumber: z.coerce.number().int().min(1).default(1),
});
