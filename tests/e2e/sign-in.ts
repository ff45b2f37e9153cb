import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../infra/local/demo-data';

/** Signs in the way a person does: the Sign in button, the provider's page, back to the app. */
export async function signInAs(page: Page, webUrl: string, email: string, password = DEMO_PASSWORD, startAt = '/') {
  await page.goto(`${webUrl}${startAt}`);
  await page.getByRole('button', { name: 'Sign in' }).first().click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}
