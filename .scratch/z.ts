import * as z from 'zod/mini';
import { invitePersonSchema, createOrganisationSchema, recordAssessmentSchema } from '../functions/core/api/requests';
const n = (v: unknown) => { const r = z.safeParse(invitePersonSchema, { name: v, email: 'a@b.co' }); return r.success ? JSON.stringify(r.data.name) : r.error.issues.map(i => i.message).join(' | '); };
for (const v of ['  Ale\u0301x  ', '   ', 'a\u202Eb', 'a\nb', 'Łukasz Żółć', 'x\u0000', 'a\ud800b', 'a\u2028b']) console.log(JSON.stringify(v), '->', n(v));
const o = (v: string) => { const r = z.safeParse(createOrganisationSchema, { name: v, kind: 'clinic' }); return r.success ? 'ok' : r.error.issues.map(i => i.message).join(' | '); };
console.log(o(' a '), o('ab'), o(' a b '));
console.log(JSON.stringify(z.toJSONSchema(createOrganisationSchema, { io: 'input' })));
