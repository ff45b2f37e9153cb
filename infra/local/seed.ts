import type { PeopleStore } from '../../functions/core/accounts/ports';
import { DEMO_PASSWORD, demoOrganisations, demoPeople } from './demo-data';
import type { LocalAccounts } from './identity-provider/accounts';

/** Puts the demo organisations and people in the table and their accounts in the local provider. */
export async function seedDemoData(people: PeopleStore, accounts: LocalAccounts): Promise<void> {
  for (const organisation of Object.values(demoOrganisations)) await people.createOrganisation(organisation);
  for (const person of Object.values(demoPeople)) {
    await people.createPerson(person);
    accounts.add({
      sub: person.sub,
      email: person.email,
      name: person.name,
      role: person.role,
      orgId: person.orgId,
      password: DEMO_PASSWORD,
    });
  }
}
