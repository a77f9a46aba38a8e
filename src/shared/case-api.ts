/**
 * CASE 1.1 (issue 18): the address parameters of the CASE REST binding served under /ims/case/v1p1, and the "Als
 * CASE" address of a catalogue page. Shared by the server's routes and the client's links.
 */
import { z } from 'zod';

export const CASE_BASE_PATH = '/ims/case/v1p1';

/** An identifier in a CASE address: anything up to 64 characters without slashes (unknown ones answer 404). */
export const CaseIdParam = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'ongeldige identifier') });

export const CASE_SOORTEN = ['profiel', 'dossier', 'keuzevak', 'profielmodule', 'kwalificatie', 'keuzedeel'] as const;
export type CaseSoort = (typeof CASE_SOORTEN)[number];
export const CaseAlsQuery = z.object({
  soort: z.enum(CASE_SOORTEN),
  code: z.string().min(1).max(40).regex(/^[A-Za-z0-9/&.-]+$/, 'ongeldige code'),
});

/** The link of a catalogue page to its CASE framework (answered with a redirect to the CFPackage or CFItem). */
export const caseAlsHref = (soort: CaseSoort, code: string) => `${CASE_BASE_PATH}/als?soort=${soort}&code=${encodeURIComponent(code)}`;
