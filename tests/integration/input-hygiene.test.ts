import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ObservedProcedure, Invitation, Organisation, Problem } from '../../functions/core/api/schemas';
import { satisfactoryProcedure } from '../support/certification';
import { newTrainee } from '../support/new-trainee';

/**
 * Every route is total over its inputs: text people type is normalised or refused with a clear
 * 400, bytes that are not UTF-8 are refused rather than quietly replaced, and a request too large
 * for the HTTP parser still gets a problem+json answer. Sent through the local origin.
 */
const stack = inject('stack');
const supervisor = `Bearer ${stack.tokens.supervisorA}`;
const admin = `Bearer ${stack.tokens.platformAdmin}`;

const post = (authorization: string, path: string, body: string | object, type = 'application/json') =>
  fetch(`${stack.webUrl}${path}`, {
    method: 'POST',
    headers: { authorization, 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function expectProblem(response: Response, status: number, pointer?: string): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as Problem;
  expect(problem.status).toBe(status);
  if (pointer) expect(problem.errors?.map((error) => error.pointer)).toContain(pointer);
  return problem;
}

/** Characters a name or note must never hold: controls (C0, DEL, C1) and bidirectional overrides and isolates. */
const FORBIDDEN = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009F', '\u202A', '\u202E', '\u2066', '\u2069'];
const email = () => `hygiene-${randomUUID().slice(0, 8)}@harbour.example`;

describe('names and free text', () => {
  let trainee: Awaited<ReturnType<typeof newTrainee>>;
  beforeAll(async () => {
    trainee = await newTrainee(stack, 'Hygiene Trainee');
  });

  it.each(FORBIDDEN.map((char) => [`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, char]))(
    'refuses %s in an invitation name, an organisation name, a procedure, a learning action, a suspension note and a revocation note',
    async (_code, char) => {
      const problems = [
        await expectProblem(await post(supervisor, '/api/invitations', { name: `Alex${char}Smith`, email: email() }), 400, '/name'),
        await expectProblem(await post(admin, '/api/organisations', { name: `Clinic${char}Name`, kind: 'clinic' }), 400, '/name'),
        await expectProblem(
          await post(supervisor, `/api/trainees/${trainee.sub}/observed-procedures`, { ...satisfactoryProcedure(`Cheeks${char}left`) }),
          400,
          '/procedure',
        ),
        await expectProblem(
          await post(supervisor, `/api/trainees/${trainee.sub}/observed-procedures`, {
            ...satisfactoryProcedure(),
            learningAction: `Good${char}work`,
          }),
          400,
          '/learningAction',
        ),
        await expectProblem(
          await post(supervisor, `/api/trainees/${trainee.sub}/certificate/suspension`, {
            category: 'other',
            note: `A note ${char} long enough`,
          }),
          400,
          '/note',
        ),
        await expectProblem(
          await post(supervisor, `/api/trainees/${trainee.sub}/certificate/revocation`, {
            category: 'other',
            note: `A note ${char} long enough`,
          }),
          400,
          '/note',
        ),
      ];
      for (const problem of problems) expect(problem.detail).toMatch(/control characters|bidirectional/);
    },
  );

  /** Characters that display as nothing (or as a blank): a name made of them, or hiding them, looks like another name. */
  const INVISIBLE = {
    'zero-width space': '\u200B',
    'zero-width joiner between Latin letters': '\u200D',
    'soft hyphen': '\u00AD',
    'left-to-right mark': '\u200E',
    'Arabic letter mark': '\u061C',
    'word joiner': '\u2060',
    'Hangul filler': '\u3164',
    'Braille blank': '\u2800',
    'Mongolian vowel separator': '\u180E',
    'variation selector': '\uFE0F',
    'byte-order mark': '\uFEFF',
    'private-use character': '\uE000',
    noncharacter: '\uFDD0',
    'tag character': '\u{E0041}',
    'supplementary private-use character': '\u{F0000}',
    'replacement character': '\uFFFD',
    'object replacement character': '\uFFFC',
    'interlinear annotation anchor': '\uFFF9',
    'Egyptian hieroglyph format control': '\u{13430}',
    'second joiner after an Arabic letter': '\u0645\u200C\u200C',
    'stack of combining accents': 'a\u0301\u0301\u0301\u0301\u0301\u0301',
  };
  it.each(Object.entries(INVISIBLE))('refuses a %s in a name or an organisation name', async (_what, char) => {
    const problems = [
      await expectProblem(await post(supervisor, '/api/invitations', { name: `Jor${char}dan Ellis`, email: email() }), 400, '/name'),
      await expectProblem(await post(admin, '/api/organisations', { name: `Harbour${char} Clinic`, kind: 'clinic' }), 400, '/name'),
    ];
    for (const problem of problems) expect(problem.detail).toMatch(/invisible/);
  });

  it('keeps one space between the words of a name, whatever spaces were typed', async () => {
    const response = await post(supervisor, '/api/invitations', { name: 'Jo\u3000\u3000Smith\u2003Jones', email: email() });
    expect(response.status).toBe(201);
    expect(((await response.json()) as Invitation).person.name).toBe('Jo Smith Jones');
  });

  it('refuses a name with no letter in it, such as one made only of blanks that are not spaces', async () => {
    for (const name of ['\u3164', '\u2800\u2800', '...', '12345'])
      expect((await expectProblem(await post(supervisor, '/api/invitations', { name, email: email() }), 400, '/name')).detail).toMatch(
        /letter|invisible/,
      );
  });

  it('keeps the joiners that scripts need: a Persian name with a zero-width non-joiner, a Sinhala one with a zero-width joiner', async () => {
    for (const name of ['\u0645\u062D\u0645\u062F\u200C\u0631\u0636\u0627', '\u0DC1\u0DCA\u200D\u0DBB\u0DD3 Perera']) {
      const response = await post(supervisor, '/api/invitations', { name, email: email() });
      expect(response.status).toBe(201);
      expect(((await response.json()) as Invitation).person.name).toBe(name);
    }
  });

  it('refuses a line break in a name but keeps one in a learning action', async () => {
    await expectProblem(await post(supervisor, '/api/invitations', { name: 'Alex\nSmith', email: email() }), 400, '/name');
    await expectProblem(await post(supervisor, '/api/invitations', { name: 'Alex\u2028Smith', email: email() }), 400, '/name');
    const recorded = await post(supervisor, `/api/trainees/${trainee.sub}/observed-procedures`, {
      ...satisfactoryProcedure(),
      learningAction: 'Keep the depth control.\nNext time: re-glove after the phone.',
    });
    expect(recorded.status).toBe(201);
    expect(((await recorded.json()) as ObservedProcedure).learningAction).toBe(
      'Keep the depth control.\nNext time: re-glove after the phone.',
    );
  });

  it('stores names in Unicode NFC, trimmed, so one name typed two ways is one name', async () => {
    const decomposed = '  Zoe\u0308 Nguye\u0302\u0303n  ';
    const response = await post(supervisor, '/api/invitations', { name: decomposed, email: email() });
    expect(response.status).toBe(201);
    const { person } = (await response.json()) as Invitation;
    expect(person.name).toBe('Zoë Nguyễn');
    expect(person.name).toBe(person.name.normalize('NFC'));
    const organisation = (await (
      await post(admin, '/api/organisations', { name: ' Cli\u0301nica Sa\u0303o Paulo ', kind: 'clinic' })
    ).json()) as Organisation;
    expect(organisation.name).toBe('Clínica São Paulo');
  });

  it('refuses text that is only spaces, too long, or not well-formed Unicode, saying which rule', async () => {
    expect(
      (await expectProblem(await post(supervisor, '/api/invitations', { name: '   ', email: email() }), 400, '/name')).detail,
    ).toContain('besides spaces');
    expect(
      (await expectProblem(await post(supervisor, '/api/invitations', { name: 'x'.repeat(121), email: email() }), 400, '/name')).detail,
    ).toContain('at most 120');
    expect(
      (
        await expectProblem(
          await post(supervisor, '/api/invitations', '{"name":"Alex\\ud800","email":"lone@harbour.example"}'),
          400,
          '/name',
        )
      ).detail,
    ).toContain('Unicode');
  });
});

describe('bytes that are not UTF-8', () => {
  it('are a 400, not silently replaced', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"Al'), Buffer.from([0xff, 0xfe]), Buffer.from(`x","email":"${email()}"}`)]);
    const response = await fetch(`${stack.webUrl}/api/invitations`, {
      method: 'POST',
      headers: { authorization: supervisor, 'content-type': 'application/json' },
      body,
    });
    const problem = await expectProblem(response, 400);
    expect(problem.detail).toContain('UTF-8');
  });
});

describe('a request too large for the HTTP parser', () => {
  /** Sent with node:http, which sends an 80 KB header as it is. */
  const send = (headers: Record<string, string>) =>
    new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const url = new URL(`${stack.webUrl}/api/me`);
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
      });
      request.on('error', reject);
      request.end();
    });

  it('an 80 KB token gets a problem+json 431, not an empty answer', async () => {
    const response = await send({ authorization: `Bearer ${'a'.repeat(80 * 1024)}.b.c` });
    expect(response.status).toBe(431);
    expect(response.type).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ status: 431, type: '/problems/headers-too-large' });
  });
});
