import type { PeopleStore } from '../accounts/ports';
import type { Person } from '../accounts/types';
import type { CertificateRecord } from '../certification/types';
import type { RecipientRole, ReminderRecipient } from './types';

export type RecipientDirectory = Pick<PeopleStore, 'getPerson' | 'listMembers'>;

/**
 * Who is told about a certificate: its holder, the holder's supervisor and the clinic admins of the
 * certificate's organisation (the clinic that relies on it), once each (someone who is two of those
 * gets one email, as the first), skipping anyone without an address. Members are read once per
 * organisation per run (`members` is the run's cache), since a clinic's certificates often fall due
 * together.
 */
export async function recipientsFor(
  people: RecipientDirectory,
  certificate: CertificateRecord,
  members: Map<string, Promise<Person[]>>,
): Promise<{ recipients: ReminderRecipient[]; supervisorName?: string }> {
  const holder = await people.getPerson(certificate.traineeSub);
  const supervisor = holder?.supervisorSub ? await people.getPerson(holder.supervisorSub) : undefined;
  let clinic: Person[] = [];
  if (certificate.orgId) {
    if (!members.has(certificate.orgId)) members.set(certificate.orgId, people.listMembers(certificate.orgId));
    clinic = (await members.get(certificate.orgId)!).filter((person) => person.role === 'clinic-admin');
  }
  const candidates: [Person | undefined, RecipientRole][] = [
    [holder, 'holder'],
    [supervisor, 'supervisor'],
    ...clinic.map((admin): [Person, RecipientRole] => [admin, 'clinic-admin']),
  ];
  const seen = new Set<string>();
  const recipients: ReminderRecipient[] = [];
  for (const [person, role] of candidates) {
    const email = person?.email?.trim();
    if (!person || !email) continue;
    const address = email.toLowerCase();
    if (seen.has(person.sub) || seen.has(address)) continue;
    seen.add(person.sub).add(address);
    recipients.push({ sub: person.sub, name: person.name, email, role });
  }
  return { recipients, ...(supervisor ? { supervisorName: supervisor.name } : {}) };
}
